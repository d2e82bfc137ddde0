using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class IngressParser
{
    /// <summary>IngressState: the status, error and room id are lifted onto <see cref="IngressInfo"/>.</summary>
    internal static readonly JsonObjectReader<IngressInfo> StateFields = new JsonObjectReader<IngressInfo>()
        .Field("status", (ref reader, path, field, ingress) => ingress.Status = JsonField.Enum<IngressStatus>(ref reader, path, field, ProtoEnumNames.IngressStatus))
        .Field("error", (ref reader, path, field, ingress) => ingress.StateError = JsonField.String(ref reader, path, field))
        .Field("roomId", (ref reader, path, field, ingress) => ingress.StateRoomId = JsonField.String(ref reader, path, field));

    internal static readonly JsonObjectReader<IngressInfo> Fields = new JsonObjectReader<IngressInfo>()
        .Field("ingressId", (ref reader, path, field, ingress) => ingress.IngressId = JsonField.String(ref reader, path, field))
        .Field("name", (ref reader, path, field, ingress) => ingress.Name = JsonField.String(ref reader, path, field))
        .Field("streamKey", (ref reader, path, field, ingress) => ingress.StreamKey = JsonField.String(ref reader, path, field))
        .Field("url", (ref reader, path, field, ingress) => ingress.Url = JsonField.String(ref reader, path, field))
        .Field("inputType", (ref reader, path, field, ingress) => ingress.InputType = JsonField.Enum<IngressInput>(ref reader, path, field, ProtoEnumNames.IngressInput))
        .Field("roomName", (ref reader, path, field, ingress) => ingress.RoomName = JsonField.String(ref reader, path, field))
        .Field("participantIdentity", (ref reader, path, field, ingress) => ingress.ParticipantIdentity = JsonField.String(ref reader, path, field))
        .Field("participantName", (ref reader, path, field, ingress) => ingress.ParticipantName = JsonField.String(ref reader, path, field))
        .Field("reusable", (ref reader, path, field, ingress) => ingress.Reusable = JsonField.Bool(ref reader, path, field))
        .Field("state", (ref reader, path, field, ingress) => StateFields.ReadInto(ref reader, path, field, ingress));

    public static IngressInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        var ingress = new IngressInfo();
        return Fields.ReadInto(ref reader, parent, name, ingress) ? ingress : null;
    }
}
