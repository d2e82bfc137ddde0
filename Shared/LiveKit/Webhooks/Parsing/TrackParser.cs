using System.Text.Json;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

internal static class TrackParser
{
    public static TrackInfo Read(JsonElement json, string path)
    {
        JsonField.RequireObject(json, path);
        string? sid = null, name = null, mimeType = null, mid = null, stream = null;
        var type = TrackType.Audio;
        var source = TrackSource.Unknown;
        var muted = false;
        uint width = 0, height = 0;

        foreach (var field in json.EnumerateObject())
        {
            var v = field.Value;
            switch (field.Name)
            {
                case "sid": sid = JsonField.String(v, path, "sid"); break;
                case "type": type = JsonField.Enum<TrackType>(v, path, "type", ProtoEnumNames.TrackType); break;
                case "name": name = JsonField.String(v, path, "name"); break;
                case "muted": muted = JsonField.Bool(v, path, "muted"); break;
                case "width": width = JsonField.UInt32(v, path, "width"); break;
                case "height": height = JsonField.UInt32(v, path, "height"); break;
                case "source": source = JsonField.Enum<TrackSource>(v, path, "source", ProtoEnumNames.TrackSource); break;
                case "mimeType" or "mime_type": mimeType = JsonField.String(v, path, "mimeType"); break;
                case "mid": mid = JsonField.String(v, path, "mid"); break;
                case "stream": stream = JsonField.String(v, path, "stream"); break;
            }
        }

        return new TrackInfo
        {
            Sid = sid,
            Type = type,
            Name = name,
            Muted = muted,
            Width = width,
            Height = height,
            Source = source,
            MimeType = mimeType,
            Mid = mid,
            Stream = stream,
        };
    }
}
