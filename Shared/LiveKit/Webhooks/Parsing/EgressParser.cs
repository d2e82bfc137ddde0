using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class EgressParser
{
    internal static readonly JsonObjectReader<EgressInfo> Fields = new JsonObjectReader<EgressInfo>()
        .Field("egressId", (ref reader, path, field, egress) => egress.EgressId = JsonField.String(ref reader, path, field))
        .Field("roomId", (ref reader, path, field, egress) => egress.RoomId = JsonField.String(ref reader, path, field))
        .Field("roomName", (ref reader, path, field, egress) => egress.RoomName = JsonField.String(ref reader, path, field))
        .Field("status", (ref reader, path, field, egress) => egress.Status = JsonField.Enum<EgressStatus>(ref reader, path, field, ProtoEnumNames.EgressStatus))
        .Field("startedAt", (ref reader, path, field, egress) => egress.StartedAtNs = JsonField.Int64(ref reader, path, field))
        .Field("endedAt", (ref reader, path, field, egress) => egress.EndedAtNs = JsonField.Int64(ref reader, path, field))
        .Field("updatedAt", (ref reader, path, field, egress) => egress.UpdatedAtNs = JsonField.Int64(ref reader, path, field))
        .Field("error", (ref reader, path, field, egress) => egress.Error = JsonField.String(ref reader, path, field))
        .Field("errorCode", (ref reader, path, field, egress) => egress.ErrorCode = JsonField.Int32(ref reader, path, field))
        .Field("details", (ref reader, path, field, egress) => egress.Details = JsonField.String(ref reader, path, field))
        .Field("manifestLocation", (ref reader, path, field, egress) => egress.ManifestLocation = JsonField.String(ref reader, path, field))
        .Field("fileResults", (ref reader, path, field, egress) => egress.FileResults = FileResultParser.ReadList(ref reader, path, field));

    public static EgressInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        var egress = new EgressInfo();
        return Fields.ReadInto(ref reader, parent, name, egress) ? egress : null;
    }
}
