using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class ParticipantParser
{
    internal static readonly JsonObjectReader<ParticipantInfo> Fields = new JsonObjectReader<ParticipantInfo>()
        .Field("sid", (ref reader, path, field, participant) => participant.Sid = JsonField.String(ref reader, path, field))
        .Field("identity", (ref reader, path, field, participant) => participant.Identity = JsonField.String(ref reader, path, field))
        .Field("name", (ref reader, path, field, participant) => participant.Name = JsonField.String(ref reader, path, field))
        .Field("metadata", (ref reader, path, field, participant) => participant.Metadata = JsonField.String(ref reader, path, field))
        .Field("region", (ref reader, path, field, participant) => participant.Region = JsonField.String(ref reader, path, field))
        .Field("state", (ref reader, path, field, participant) => participant.State = JsonField.Enum<ParticipantState>(ref reader, path, field, ProtoEnumNames.ParticipantState))
        .Field("kind", ReadKind)
        .Field("joinedAt", (ref reader, path, field, participant) => participant.JoinedAt = JsonField.UnixSeconds(ref reader, path, field))
        .Field("joinedAtMs", (ref reader, path, field, participant) => participant.JoinedAtMs = JsonField.Int64(ref reader, path, field))
        .Field("isPublisher", (ref reader, path, field, participant) => participant.IsPublisher = JsonField.Bool(ref reader, path, field))
        .Field("attributes", (ref reader, path, field, participant) => participant.Attributes = JsonField.StringMap(ref reader, path, field) ?? participant.Attributes)
        .Field("tracks", (ref reader, path, field, participant) => participant.Tracks = ReadTracks(ref reader, path, field))
        .Field("disconnectReason", (ref reader, path, field, participant) => participant.DisconnectReason = JsonField.EnumName(ref reader, path, field, ProtoEnumNames.DisconnectReason));

    public static ParticipantInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        var participant = new ParticipantInfo();
        return Fields.ReadInto(ref reader, parent, name, participant) ? participant : null;
    }

    /// <summary>The kind as our enum and, for kinds this code does not know, as the wire name.</summary>
    private static void ReadKind(ref Utf8JsonReader reader, string path, string field, ParticipantInfo participant)
    {
        participant.Kind = JsonField.Enum<ParticipantKind>(ref reader, path, field, ProtoEnumNames.ParticipantKind);
        participant.KindName = JsonField.EnumName(ref reader, path, field, ProtoEnumNames.ParticipantKind) ?? "STANDARD";
    }

    private static List<TrackInfo> ReadTracks(ref Utf8JsonReader reader, string parent, string field)
    {
        var tracks = new List<TrackInfo>();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return tracks;
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw JsonField.Shape(parent, field, "an array");
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var track = TrackParser.Read(ref reader, parent, $"{field}[{tracks.Count}]")
                ?? throw JsonField.Shape(parent, $"{field}[{tracks.Count}]", "an object");
            tracks.Add(track);
        }
        return tracks;
    }
}
