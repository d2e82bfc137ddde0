using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class TrackParser
{
    private enum Field { Unknown, Sid, Type, Name, Muted, Width, Height, Source, MimeType, Mid, Stream }

    public static TrackInfo? Read(ref Utf8JsonReader reader, string parent, string name)
    {
        if (!JsonField.StartObject(ref reader, parent, name))
        {
            return null;
        }
        var path = JsonField.Join(parent, name);
        var track = new TrackInfo();
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
                case Field.Sid: track.Sid = JsonField.String(ref reader, path, "sid"); break;
                case Field.Type: track.Type = JsonField.Enum<TrackType>(ref reader, path, "type", ProtoEnumNames.TrackType); break;
                case Field.Name: track.Name = JsonField.String(ref reader, path, "name"); break;
                case Field.Muted: track.Muted = JsonField.Bool(ref reader, path, "muted"); break;
                case Field.Width: track.Width = JsonField.UInt32(ref reader, path, "width"); break;
                case Field.Height: track.Height = JsonField.UInt32(ref reader, path, "height"); break;
                case Field.Source: track.Source = JsonField.Enum<TrackSource>(ref reader, path, "source", ProtoEnumNames.TrackSource); break;
                case Field.MimeType: track.MimeType = JsonField.String(ref reader, path, "mimeType"); break;
                case Field.Mid: track.Mid = JsonField.String(ref reader, path, "mid"); break;
                case Field.Stream: track.Stream = JsonField.String(ref reader, path, "stream"); break;
            }
        }
        return track;
    }

    private static Field Match(ReadOnlySpan<char> name) => name switch
    {
        "sid" => Field.Sid,
        "type" => Field.Type,
        "name" => Field.Name,
        "muted" => Field.Muted,
        "width" => Field.Width,
        "height" => Field.Height,
        "source" => Field.Source,
        "mimeType" or "mime_type" => Field.MimeType,
        "mid" => Field.Mid,
        "stream" => Field.Stream,
        _ => Field.Unknown,
    };
}
