using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class ParticipantParser
{
    private enum Field { Unknown, Sid, Identity, Name, Metadata, Region, State, Kind, JoinedAt, JoinedAtMs, IsPublisher, Attributes, Tracks, DisconnectReason }

    public static ParticipantInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        if (!JsonField.StartObject(ref reader, parent, name))
        {
            return null;
        }
        var path = JsonField.Join(parent, name);
        var participant = new ParticipantInfo();
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
                case Field.Sid: participant.Sid = JsonField.String(ref reader, path, "sid"); break;
                case Field.Identity: participant.Identity = JsonField.String(ref reader, path, "identity"); break;
                case Field.Name: participant.Name = JsonField.String(ref reader, path, "name"); break;
                case Field.Metadata: participant.Metadata = JsonField.String(ref reader, path, "metadata"); break;
                case Field.Region: participant.Region = JsonField.String(ref reader, path, "region"); break;
                case Field.State: participant.State = JsonField.Enum<ParticipantState>(ref reader, path, "state", ProtoEnumNames.ParticipantState); break;
                case Field.Kind:
                    participant.Kind = JsonField.Enum<ParticipantKind>(ref reader, path, "kind", ProtoEnumNames.ParticipantKind);
                    participant.KindName = JsonField.EnumName(ref reader, path, "kind", ProtoEnumNames.ParticipantKind) ?? "STANDARD";
                    break;
                case Field.JoinedAt: participant.JoinedAt = JsonField.UnixSeconds(ref reader, path, "joinedAt"); break;
                case Field.JoinedAtMs: participant.JoinedAtMs = JsonField.Int64(ref reader, path, "joinedAtMs"); break;
                case Field.IsPublisher: participant.IsPublisher = JsonField.Bool(ref reader, path, "isPublisher"); break;
                case Field.Attributes:
                    participant.Attributes = JsonField.StringMap(ref reader, path, "attributes") ?? participant.Attributes;
                    break;
                case Field.Tracks: participant.Tracks = ReadTracks(ref reader, path); break;
                case Field.DisconnectReason:
                    participant.DisconnectReason = JsonField.EnumName(ref reader, path, "disconnectReason", ProtoEnumNames.DisconnectReason);
                    break;
            }
        }
        return participant;
    }

    private static Field Match(ReadOnlySpan<char> name) => name switch
    {
        "sid" => Field.Sid,
        "identity" => Field.Identity,
        "name" => Field.Name,
        "metadata" => Field.Metadata,
        "state" => Field.State,
        "kind" => Field.Kind,
        "attributes" => Field.Attributes,
        "tracks" => Field.Tracks,
        "joinedAt" or "joined_at" => Field.JoinedAt,
        "joinedAtMs" or "joined_at_ms" => Field.JoinedAtMs,
        "isPublisher" or "is_publisher" => Field.IsPublisher,
        "region" => Field.Region,
        "disconnectReason" or "disconnect_reason" => Field.DisconnectReason,
        _ => Field.Unknown,
    };

    private static List<TrackInfo> ReadTracks(ref Utf8JsonReader reader, string parent)
    {
        var tracks = new List<TrackInfo>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return tracks;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonField.Shape(parent, "tracks", "an array");
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var track = TrackParser.Read(ref reader, parent, $"tracks[{tracks.Count}]")
                ?? throw JsonField.Shape(parent, $"tracks[{tracks.Count}]", "an object");
            tracks.Add(track);
        }
        return tracks;
    }
}
