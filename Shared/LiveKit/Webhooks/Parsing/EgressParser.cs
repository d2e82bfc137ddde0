using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class EgressParser
{
    public static EgressInfo Read(JsonElement json, string path)
    {
        JsonField.RequireObject(json, path);
        string? egressId = null, roomId = null, roomName = null, error = null, details = null, manifest = null;
        var status = EgressStatus.Starting;
        long startedAt = 0, endedAt = 0, updatedAt = 0;
        var errorCode = 0;

        foreach (var field in json.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "egressId" or "egress_id": egressId = JsonField.String(v, path, "egressId"); break;
                case "roomId" or "room_id": roomId = JsonField.String(v, path, "roomId"); break;
                case "roomName" or "room_name": roomName = JsonField.String(v, path, "roomName"); break;
                case "status": status = JsonField.Enum<EgressStatus>(v, path, "status", ProtoEnumNames.EgressStatus); break;
                case "startedAt" or "started_at": startedAt = JsonField.Int64(v, path, "startedAt"); break;
                case "endedAt" or "ended_at": endedAt = JsonField.Int64(v, path, "endedAt"); break;
                case "updatedAt" or "updated_at": updatedAt = JsonField.Int64(v, path, "updatedAt"); break;
                case "error": error = JsonField.String(v, path, "error"); break;
                case "errorCode" or "error_code": errorCode = JsonField.Int32(v, path, "errorCode"); break;
                case "details": details = JsonField.String(v, path, "details"); break;
                case "manifestLocation" or "manifest_location": manifest = JsonField.String(v, path, "manifestLocation"); break;
            }
        }

        return new EgressInfo
        {
            EgressId = egressId,
            RoomId = roomId,
            RoomName = roomName,
            Status = status,
            StartedAtNs = startedAt,
            EndedAtNs = endedAt,
            UpdatedAtNs = updatedAt,
            Error = error,
            ErrorCode = errorCode,
            Details = details,
            ManifestLocation = manifest,
        };
    }
}
