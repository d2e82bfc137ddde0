using System.Buffers;
using System.Text;
using System.Text.Json;

namespace VoiceFunctions.Shared.LiveKit;

/// <summary>
/// Puts the property name under a <see cref="Utf8JsonReader"/> into a char buffer so hand-written
/// readers can <c>switch</c> on it; the compiler turns that into a jump on length and characters.
/// </summary>
internal static class JsonPropertyName
{
    /// <summary>Longest property name our readers match; longer names are unknown to every model.</summary>
    public const int MaxLength = 32;

    /// <summary>Unescapes the name into <paramref name="buffer"/> and returns its length; 0 when it is too long to be one we know.</summary>
    public static int Read(ref Utf8JsonReader reader, scoped Span<char> buffer)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            // The usual case: a short plain ASCII name, widened directly (no UTF-8 decoder).
            var name = reader.ValueSpan;
            return name.Length <= buffer.Length && Ascii.ToUtf16(name, buffer, out var written) == OperationStatus.Done
                ? written
                : 0;
        }
        var encodedLength = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return encodedLength <= buffer.Length ? reader.CopyString(buffer) : 0;
    }
}
