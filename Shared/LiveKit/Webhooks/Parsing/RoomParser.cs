using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class RoomParser
{
    internal static readonly JsonObjectReader<RoomInfo> Fields = new JsonObjectReader<RoomInfo>()
        .Field("sid", (ref reader, path, field, room) => room.Sid = JsonField.String(ref reader, path, field))
        .Field("name", (ref reader, path, field, room) => room.Name = JsonField.String(ref reader, path, field))
        .Field("metadata", (ref reader, path, field, room) => room.Metadata = JsonField.String(ref reader, path, field))
        .Field("emptyTimeout", (ref reader, path, field, room) => room.EmptyTimeout = JsonField.UInt32(ref reader, path, field))
        .Field("departureTimeout", (ref reader, path, field, room) => room.DepartureTimeout = JsonField.UInt32(ref reader, path, field))
        .Field("maxParticipants", (ref reader, path, field, room) => room.MaxParticipants = JsonField.UInt32(ref reader, path, field))
        .Field("creationTime", (ref reader, path, field, room) => room.CreationTime = JsonField.UnixSeconds(ref reader, path, field))
        .Field("creationTimeMs", (ref reader, path, field, room) => room.CreationTimeMs = JsonField.Int64(ref reader, path, field))
        .Field("numParticipants", (ref reader, path, field, room) => room.NumParticipants = JsonField.UInt32(ref reader, path, field))
        .Field("numPublishers", (ref reader, path, field, room) => room.NumPublishers = JsonField.UInt32(ref reader, path, field))
        .Field("activeRecording", (ref reader, path, field, room) => room.ActiveRecording = JsonField.Bool(ref reader, path, field));

    public static RoomInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        var room = new RoomInfo();
        return Fields.ReadInto(ref reader, parent, name, room) ? room : null;
    }
}
