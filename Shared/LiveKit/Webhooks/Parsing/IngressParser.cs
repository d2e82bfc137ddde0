using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class IngressParser
{
    private enum Field { Unknown, IngressId, Name, StreamKey, Url, InputType, RoomName, ParticipantIdentity, ParticipantName, Reusable, State }

    public static IngressInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        if (!JsonField.StartObject(ref reader, parent, name))
        {
            return null;
        }
        var path = JsonField.Join(parent, name);
        var ingress = new IngressInfo();
        Span<char> nameBuffer = stackalloc char[JsonPropertyName.MaxLength];
        while (JsonField.NextProperty(ref reader))
        {
            var field = Match(nameBuffer[..JsonPropertyName.Read(ref reader, nameBuffer)]);
            if (field == Field.Unknown)
            {
                reader.Skip();
                continue;
            }
            reader.Read();
            switch (field)
            {
                case Field.IngressId: ingress.IngressId = JsonField.String(ref reader, path, "ingressId"); break;
                case Field.Name: ingress.Name = JsonField.String(ref reader, path, "name"); break;
                case Field.StreamKey: ingress.StreamKey = JsonField.String(ref reader, path, "streamKey"); break;
                case Field.Url: ingress.Url = JsonField.String(ref reader, path, "url"); break;
                case Field.InputType: ingress.InputType = JsonField.Enum<IngressInput>(ref reader, path, "inputType", ProtoEnumNames.IngressInput); break;
                case Field.RoomName: ingress.RoomName = JsonField.String(ref reader, path, "roomName"); break;
                case Field.ParticipantIdentity: ingress.ParticipantIdentity = JsonField.String(ref reader, path, "participantIdentity"); break;
                case Field.ParticipantName: ingress.ParticipantName = JsonField.String(ref reader, path, "participantName"); break;
                case Field.Reusable: ingress.Reusable = JsonField.Bool(ref reader, path, "reusable"); break;
                case Field.State: ReadState(ref reader, path, ingress); break;
            }
        }
        return ingress;
    }

    private static Field Match(ReadOnlySpan<char> name) => name switch
    {
        "ingressId" or "ingress_id" => Field.IngressId,
        "name" => Field.Name,
        "streamKey" or "stream_key" => Field.StreamKey,
        "url" => Field.Url,
        "inputType" or "input_type" => Field.InputType,
        "roomName" or "room_name" => Field.RoomName,
        "participantIdentity" or "participant_identity" => Field.ParticipantIdentity,
        "participantName" or "participant_name" => Field.ParticipantName,
        "reusable" => Field.Reusable,
        "state" => Field.State,
        _ => Field.Unknown,
    };

    /// <summary>IngressState: the status, error and room id are lifted onto <see cref="IngressInfo"/>.</summary>
    private static void ReadState(ref Utf8JsonReader reader, string parent, IngressInfo ingress)
    {
        if (!JsonField.StartObject(ref reader, parent, "state"))
        {
            return;
        }
        var path = JsonField.Join(parent, "state");
        Span<char> nameBuffer = stackalloc char[JsonPropertyName.MaxLength];
        while (JsonField.NextProperty(ref reader))
        {
            switch ((ReadOnlySpan<char>)nameBuffer[..JsonPropertyName.Read(ref reader, nameBuffer)])
            {
                case "status":
                    reader.Read();
                    ingress.Status = JsonField.Enum<IngressStatus>(ref reader, path, "status", ProtoEnumNames.IngressStatus);
                    break;
                case "error":
                    reader.Read();
                    ingress.StateError = JsonField.String(ref reader, path, "error");
                    break;
                case "roomId" or "room_id":
                    reader.Read();
                    ingress.StateRoomId = JsonField.String(ref reader, path, "roomId");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
    }
}
