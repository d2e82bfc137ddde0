using System.Text.Json;

namespace VoiceFunctions.MediaHost.Providers.ElevenLabs;

/// <summary>One server message of the stream-input socket: decoded audio, the final flag, or an error. Pure: no I/O.</summary>
public readonly record struct ElevenLabsMessage(byte[]? Audio, bool IsFinal, string? Error)
{
    public static ElevenLabsMessage Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
        {
            var message = root.TryGetProperty("message", out var m) ? m.GetString() : null;
            return new(null, false, $"{error.GetString()}: {message}");
        }
        var audio = root.TryGetProperty("audio", out var a) && a.ValueKind == JsonValueKind.String ? a.GetBytesFromBase64() : null;
        var isFinal = root.TryGetProperty("isFinal", out var f) && f.ValueKind == JsonValueKind.True;
        return new(audio, isFinal, null);
    }
}
