using System.Text.Json;

namespace VoiceFunctions.MediaHost.Providers.Cartesia;

/// <summary>
/// One server message of Cartesia's TTS socket, told apart by "type": "chunk" (base64 audio in "data"), "done" (the
/// context is finished), "error" ("status_code", "title", "message"); "timestamps" and "flush_done" carry nothing
/// we use. Pure: no I/O.
/// </summary>
public readonly record struct CartesiaMessage(string Type, string? ContextId, byte[]? Audio, bool Done, int? StatusCode, string? Error)
{
    public static CartesiaMessage Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var context = root.TryGetProperty("context_id", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        var done = root.TryGetProperty("done", out var d) && d.ValueKind == JsonValueKind.True;
        int? status = root.TryGetProperty("status_code", out var s) && s.TryGetInt32(out var code) ? code : null;
        if (type == "error")
        {
            var title = root.TryGetProperty("title", out var ti) ? ti.GetString() : null;
            var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
            return new(type, context, null, true, status, $"{title}: {message}");
        }
        var audio = type == "chunk" && root.TryGetProperty("data", out var a) && a.ValueKind == JsonValueKind.String ? a.GetBytesFromBase64() : null;
        return new(type, context, audio, done || type == "done", status, null);
    }
}
