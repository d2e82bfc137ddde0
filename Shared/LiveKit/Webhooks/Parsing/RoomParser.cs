using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class RoomParser
{
    public static RoomInfo Read(JsonElement json, string path)
    {
        JsonField.RequireObject(json, path);
        string? sid = null, name = null, metadata = null;
        uint emptyTimeout = 0, departureTimeout = 0, maxParticipants = 0, numParticipants = 0, numPublishers = 0;
        DateTimeOffset? creationTime = null;
        long creationTimeMs = 0;
        var activeRecording = false;

        foreach (var field in json.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "sid": sid = JsonField.String(v, path, "sid"); break;
                case "name": name = JsonField.String(v, path, "name"); break;
                case "metadata": metadata = JsonField.String(v, path, "metadata"); break;
                case "emptyTimeout" or "empty_timeout": emptyTimeout = JsonField.UInt32(v, path, "emptyTimeout"); break;
                case "departureTimeout" or "departure_timeout": departureTimeout = JsonField.UInt32(v, path, "departureTimeout"); break;
                case "maxParticipants" or "max_participants": maxParticipants = JsonField.UInt32(v, path, "maxParticipants"); break;
                case "creationTime" or "creation_time": creationTime = JsonField.UnixSeconds(v, path, "creationTime"); break;
                case "creationTimeMs" or "creation_time_ms": creationTimeMs = JsonField.Int64(v, path, "creationTimeMs"); break;
                case "numParticipants" or "num_participants": numParticipants = JsonField.UInt32(v, path, "numParticipants"); break;
                case "numPublishers" or "num_publishers": numPublishers = JsonField.UInt32(v, path, "numPublishers"); break;
                case "activeRecording" or "active_recording": activeRecording = JsonField.Bool(v, path, "activeRecording"); break;
            }
        }

        return new RoomInfo
        {
            Sid = sid,
            Name = name,
            Metadata = metadata,
            EmptyTimeout = emptyTimeout,
            DepartureTimeout = departureTimeout,
            MaxParticipants = maxParticipants,
            CreationTime = creationTime,
            CreationTimeMs = creationTimeMs,
            NumParticipants = numParticipants,
            NumPublishers = numPublishers,
            ActiveRecording = activeRecording,
        };
    }
}
