using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class IngressParser
{
    public static IngressInfo Read(JsonElement json, string path)
    {
        JsonField.RequireObject(json, path);
        string? ingressId = null, name = null, streamKey = null, url = null, roomName = null;
        string? participantIdentity = null, participantName = null, stateError = null, stateRoomId = null;
        var inputType = IngressInput.Rtmp;
        var status = IngressStatus.EndpointInactive;
        var reusable = false;

        foreach (var field in json.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "ingressId" or "ingress_id": ingressId = JsonField.String(v, path, "ingressId"); break;
                case "name": name = JsonField.String(v, path, "name"); break;
                case "streamKey" or "stream_key": streamKey = JsonField.String(v, path, "streamKey"); break;
                case "url": url = JsonField.String(v, path, "url"); break;
                case "inputType" or "input_type": inputType = JsonField.Enum<IngressInput>(v, path, "inputType", ProtoEnumNames.IngressInput); break;
                case "roomName" or "room_name": roomName = JsonField.String(v, path, "roomName"); break;
                case "participantIdentity" or "participant_identity": participantIdentity = JsonField.String(v, path, "participantIdentity"); break;
                case "participantName" or "participant_name": participantName = JsonField.String(v, path, "participantName"); break;
                case "reusable": reusable = JsonField.Bool(v, path, "reusable"); break;
                case "state" when !JsonField.IsNull(v):
                    (status, stateError, stateRoomId) = ReadState(v, path + ".state");
                    break;
            }
        }

        return new IngressInfo
        {
            IngressId = ingressId,
            Name = name,
            StreamKey = streamKey,
            Url = url,
            InputType = inputType,
            RoomName = roomName,
            ParticipantIdentity = participantIdentity,
            ParticipantName = participantName,
            Reusable = reusable,
            Status = status,
            StateError = stateError,
            StateRoomId = stateRoomId,
        };
    }

    private static (IngressStatus Status, string? Error, string? RoomId) ReadState(JsonElement json, string path)
    {
        JsonField.RequireObject(json, path);
        var status = IngressStatus.EndpointInactive;
        string? error = null, roomId = null;
        foreach (var field in json.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "status": status = JsonField.Enum<IngressStatus>(v, path, "status", ProtoEnumNames.IngressStatus); break;
                case "error": error = JsonField.String(v, path, "error"); break;
                case "roomId" or "room_id": roomId = JsonField.String(v, path, "roomId"); break;
            }
        }
        return (status, error, roomId);
    }
}
