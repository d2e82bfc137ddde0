using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class TrackParser
{
    internal static readonly JsonObjectReader<TrackInfo> Fields = new JsonObjectReader<TrackInfo>()
        .Field("sid", (ref reader, path, field, track) => track.Sid = JsonField.String(ref reader, path, field))
        .Field("type", (ref reader, path, field, track) => track.Type = JsonField.Enum<TrackType>(ref reader, path, field, ProtoEnumNames.TrackType))
        .Field("name", (ref reader, path, field, track) => track.Name = JsonField.String(ref reader, path, field))
        .Field("muted", (ref reader, path, field, track) => track.Muted = JsonField.Bool(ref reader, path, field))
        .Field("width", (ref reader, path, field, track) => track.Width = JsonField.UInt32(ref reader, path, field))
        .Field("height", (ref reader, path, field, track) => track.Height = JsonField.UInt32(ref reader, path, field))
        .Field("source", (ref reader, path, field, track) => track.Source = JsonField.Enum<TrackSource>(ref reader, path, field, ProtoEnumNames.TrackSource))
        .Field("mimeType", (ref reader, path, field, track) => track.MimeType = JsonField.String(ref reader, path, field))
        .Field("mid", (ref reader, path, field, track) => track.Mid = JsonField.String(ref reader, path, field))
        .Field("stream", (ref reader, path, field, track) => track.Stream = JsonField.String(ref reader, path, field));

    public static TrackInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        var track = new TrackInfo();
        return Fields.ReadInto(ref reader, parent, name, track) ? track : null;
    }
}
