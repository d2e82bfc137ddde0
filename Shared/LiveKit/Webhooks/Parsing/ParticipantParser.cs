using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class ParticipantParser
{
    public static ParticipantInfo Read(JsonElement json, string path)
    {
        JsonField.RequireObject(json, path);
        string? sid = null, identity = null, name = null, metadata = null, region = null, disconnectReason = null;
        var state = ParticipantState.Joining;
        var kind = ParticipantKind.Standard;
        var kindName = "STANDARD";
        DateTimeOffset? joinedAt = null;
        long joinedAtMs = 0;
        var isPublisher = false;
        Dictionary<string, string>? attributes = null;
        List<TrackInfo>? tracks = null;

        foreach (var field in json.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "sid": sid = JsonField.String(v, path, "sid"); break;
                case "identity": identity = JsonField.String(v, path, "identity"); break;
                case "name": name = JsonField.String(v, path, "name"); break;
                case "metadata": metadata = JsonField.String(v, path, "metadata"); break;
                case "region": region = JsonField.String(v, path, "region"); break;
                case "state": state = JsonField.Enum<ParticipantState>(v, path, "state", ProtoEnumNames.ParticipantState); break;
                case "kind":
                    kind = JsonField.Enum<ParticipantKind>(v, path, "kind", ProtoEnumNames.ParticipantKind);
                    kindName = JsonField.EnumName(v, path, "kind", ProtoEnumNames.ParticipantKind) ?? "STANDARD";
                    break;
                case "joinedAt" or "joined_at": joinedAt = JsonField.UnixSeconds(v, path, "joinedAt"); break;
                case "joinedAtMs" or "joined_at_ms": joinedAtMs = JsonField.Int64(v, path, "joinedAtMs"); break;
                case "isPublisher" or "is_publisher": isPublisher = JsonField.Bool(v, path, "isPublisher"); break;
                case "attributes": attributes = JsonField.StringMap(v, path, "attributes"); break;
                case "tracks": tracks = ReadTracks(v, path + ".tracks"); break;
                case "disconnectReason" or "disconnect_reason":
                    disconnectReason = JsonField.EnumName(v, path, "disconnectReason", ProtoEnumNames.DisconnectReason);
                    break;
            }
        }

        return new ParticipantInfo
        {
            Sid = sid,
            Identity = identity,
            Name = name,
            Metadata = metadata,
            Region = region,
            State = state,
            Kind = kind,
            KindName = kindName,
            JoinedAt = joinedAt,
            JoinedAtMs = joinedAtMs,
            IsPublisher = isPublisher,
            Attributes = attributes ?? new Dictionary<string, string>(0),
            Tracks = tracks ?? [],
            DisconnectReason = disconnectReason,
        };
    }

    private static List<TrackInfo> ReadTracks(JsonElement json, string path)
    {
        if (json.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (json.ValueKind != JsonValueKind.Array)
        {
            throw new WebhookShapeException(path, "an array");
        }
        var tracks = new List<TrackInfo>(json.GetArrayLength());
        var index = 0;
        foreach (var item in json.EnumerateArray())
        {
            tracks.Add(TrackParser.Read(item, $"{path}[{index++}]"));
        }
        return tracks;
    }
}
