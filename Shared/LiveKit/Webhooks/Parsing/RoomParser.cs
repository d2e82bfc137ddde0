using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class RoomParser
{
    private enum Field { Unknown, Sid, Name, Metadata, EmptyTimeout, DepartureTimeout, MaxParticipants, CreationTime, CreationTimeMs, NumParticipants, NumPublishers, ActiveRecording }

    public static RoomInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        if (!JsonField.StartObject(ref reader, parent, name))
        {
            return null;
        }
        var path = JsonField.Join(parent, name);
        var room = new RoomInfo();
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
                case Field.Sid: room.Sid = JsonField.String(ref reader, path, "sid"); break;
                case Field.Name: room.Name = JsonField.String(ref reader, path, "name"); break;
                case Field.Metadata: room.Metadata = JsonField.String(ref reader, path, "metadata"); break;
                case Field.EmptyTimeout: room.EmptyTimeout = JsonField.UInt32(ref reader, path, "emptyTimeout"); break;
                case Field.DepartureTimeout: room.DepartureTimeout = JsonField.UInt32(ref reader, path, "departureTimeout"); break;
                case Field.MaxParticipants: room.MaxParticipants = JsonField.UInt32(ref reader, path, "maxParticipants"); break;
                case Field.CreationTime: room.CreationTime = JsonField.UnixSeconds(ref reader, path, "creationTime"); break;
                case Field.CreationTimeMs: room.CreationTimeMs = JsonField.Int64(ref reader, path, "creationTimeMs"); break;
                case Field.NumParticipants: room.NumParticipants = JsonField.UInt32(ref reader, path, "numParticipants"); break;
                case Field.NumPublishers: room.NumPublishers = JsonField.UInt32(ref reader, path, "numPublishers"); break;
                case Field.ActiveRecording: room.ActiveRecording = JsonField.Bool(ref reader, path, "activeRecording"); break;
            }
        }
        return room;
    }

    private static Field Match(ReadOnlySpan<char> name) => name switch
    {
        "sid" => Field.Sid,
        "name" => Field.Name,
        "metadata" => Field.Metadata,
        "emptyTimeout" or "empty_timeout" => Field.EmptyTimeout,
        "departureTimeout" or "departure_timeout" => Field.DepartureTimeout,
        "maxParticipants" or "max_participants" => Field.MaxParticipants,
        "creationTime" or "creation_time" => Field.CreationTime,
        "creationTimeMs" or "creation_time_ms" => Field.CreationTimeMs,
        "numParticipants" or "num_participants" => Field.NumParticipants,
        "numPublishers" or "num_publishers" => Field.NumPublishers,
        "activeRecording" or "active_recording" => Field.ActiveRecording,
        _ => Field.Unknown,
    };
}
