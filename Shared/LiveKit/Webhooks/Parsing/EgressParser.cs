using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class EgressParser
{
    private enum Field { Unknown, EgressId, RoomId, RoomName, Status, StartedAt, EndedAt, UpdatedAt, Error, ErrorCode, Details, ManifestLocation }

    public static EgressInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        if (!JsonField.StartObject(ref reader, parent, name))
        {
            return null;
        }
        var path = JsonField.Join(parent, name);
        var egress = new EgressInfo();
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
                case Field.EgressId: egress.EgressId = JsonField.String(ref reader, path, "egressId"); break;
                case Field.RoomId: egress.RoomId = JsonField.String(ref reader, path, "roomId"); break;
                case Field.RoomName: egress.RoomName = JsonField.String(ref reader, path, "roomName"); break;
                case Field.Status: egress.Status = JsonField.Enum<EgressStatus>(ref reader, path, "status", ProtoEnumNames.EgressStatus); break;
                case Field.StartedAt: egress.StartedAtNs = JsonField.Int64(ref reader, path, "startedAt"); break;
                case Field.EndedAt: egress.EndedAtNs = JsonField.Int64(ref reader, path, "endedAt"); break;
                case Field.UpdatedAt: egress.UpdatedAtNs = JsonField.Int64(ref reader, path, "updatedAt"); break;
                case Field.Error: egress.Error = JsonField.String(ref reader, path, "error"); break;
                case Field.ErrorCode: egress.ErrorCode = JsonField.Int32(ref reader, path, "errorCode"); break;
                case Field.Details: egress.Details = JsonField.String(ref reader, path, "details"); break;
                case Field.ManifestLocation: egress.ManifestLocation = JsonField.String(ref reader, path, "manifestLocation"); break;
            }
        }
        return egress;
    }

    private static Field Match(ReadOnlySpan<char> name) => name switch
    {
        "egressId" or "egress_id" => Field.EgressId,
        "roomId" or "room_id" => Field.RoomId,
        "roomName" or "room_name" => Field.RoomName,
        "status" => Field.Status,
        "startedAt" or "started_at" => Field.StartedAt,
        "endedAt" or "ended_at" => Field.EndedAt,
        "updatedAt" or "updated_at" => Field.UpdatedAt,
        "error" => Field.Error,
        "errorCode" or "error_code" => Field.ErrorCode,
        "details" => Field.Details,
        "manifestLocation" or "manifest_location" => Field.ManifestLocation,
        _ => Field.Unknown,
    };
}
