using System.Text.Json;

namespace VoiceFunctions.MediaHost.Providers.Deepgram;

/// <summary>What a Deepgram live message is about (its "type").</summary>
public enum DeepgramMessageType { Unknown, Results, UtteranceEnd, SpeechStarted, Metadata, Error }

/// <summary>
/// One server message of Deepgram's live transcription (/v1/listen), parsed from its JSON text frame. Pure: no I/O.
/// Results carry the first alternative's transcript and confidence and the is_final / speech_final / from_finalize flags.
/// </summary>
public readonly record struct DeepgramMessage(DeepgramMessageType Type, string Transcript, bool IsFinal, bool SpeechFinal, float? Confidence, string Description)
{
    public static DeepgramMessage Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var doc = JsonDocument.ParseValue(ref reader);
        var root = doc.RootElement;
        var type = root.TryGetProperty("type", out var t) ? t.GetString() : null;
        switch (type)
        {
            case "Results":
                var transcript = "";
                float? confidence = null;
                if (root.TryGetProperty("channel", out var channel) && channel.TryGetProperty("alternatives", out var alternatives)
                    && alternatives.ValueKind == JsonValueKind.Array && alternatives.GetArrayLength() > 0)
                {
                    var first = alternatives[0];
                    transcript = first.TryGetProperty("transcript", out var text) ? text.GetString() ?? "" : "";
                    confidence = first.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? (float)c.GetDouble() : null;
                }
                return new(DeepgramMessageType.Results, transcript, Flag(root, "is_final"), Flag(root, "speech_final"), confidence, "");
            case "UtteranceEnd":
                return new(DeepgramMessageType.UtteranceEnd, "", false, false, null, "");
            case "SpeechStarted":
                return new(DeepgramMessageType.SpeechStarted, "", false, false, null, "");
            case "Metadata":
                return new(DeepgramMessageType.Metadata, "", false, false, null, "");
            case "Error":
                var description = root.TryGetProperty("description", out var d) ? d.GetString() ?? "" : "";
                var variant = root.TryGetProperty("variant", out var v) ? v.GetString() ?? "" : "";
                return new(DeepgramMessageType.Error, "", false, false, null, $"{variant}: {description}");
            default:
                return new(DeepgramMessageType.Unknown, "", false, false, null, "");
        }
    }

    private static bool Flag(JsonElement root, string name) => root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
