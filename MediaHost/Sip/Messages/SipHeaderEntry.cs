using System.Text;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// One header in a <see cref="SipHeaderList"/>: either strings set by code, or a range of a parsed message's bytes
/// (<see cref="Source"/>) that is decoded to a string only when somebody asks for it, and then kept.
/// </summary>
internal struct SipHeaderEntry
{
    /// <summary>The canonical name for known headers and for headers built by code; null for an unknown name not yet decoded.</summary>
    public string? Name;

    /// <summary>The value as a string: set by code, or decoded from <see cref="Source"/> on first use.</summary>
    public string? Value;

    /// <summary>The bytes of the parsed message this header came from (shared, never written); null when built by code.</summary>
    public byte[]? Source;

    public int NameStart;
    public int NameLength;

    /// <summary>The value without surrounding SP/HT; for a folded header it runs to the end of its last line.</summary>
    public int ValueStart;
    public int ValueLength;

    /// <summary>
    /// True when the source bytes are exactly the value's UTF-8 form: one line, ASCII, no control characters. Such a
    /// value decodes with a plain widening and is written back by copying bytes; others take the careful path.
    /// </summary>
    public bool Plain;

    public static SipHeaderEntry FromText(string name, string value) => new() { Name = name, Value = value };

    public readonly ReadOnlySpan<byte> RawValue => Source.AsSpan(ValueStart, ValueLength);

    public readonly ReadOnlySpan<byte> RawName => Source.AsSpan(NameStart, NameLength);

    public string NameText() => Name ??= Encoding.ASCII.GetString(RawName);

    /// <summary>Case-insensitive name match; <paramref name="canonical"/> is the canonical form of the name asked for.</summary>
    public readonly bool HasName(string canonical) =>
        Name is { } name
            ? ReferenceEquals(name, canonical) || (name.Length == canonical.Length && string.Equals(name, canonical, StringComparison.OrdinalIgnoreCase))
            : NameLength == canonical.Length && Ascii.EqualsIgnoreCase(RawName, canonical);

    public string ValueText() => Value ??= DecodeValue();

    /// <summary>
    /// The value as characters: a plain value is widened into <paramref name="scratch"/> (no allocation) when it fits,
    /// anything else is decoded to its string once and kept.
    /// </summary>
    public ReadOnlySpan<char> ValueChars(Span<char> scratch)
    {
        if (Value is null && Plain && ValueLength <= scratch.Length)
        {
            Ascii.ToUtf16(RawValue, scratch, out var written);
            return scratch[..written];
        }
        return ValueText();
    }

    /// <summary>
    /// Decodes the value exactly as RFC 3261 7.3.1 reads it: folded lines joined by one space (each line trimmed of
    /// SP/HT), UTF-8, outer whitespace trimmed; a stray CR or LF (already reported as an error) becomes a space so a
    /// partial message kept for the 400 answer can never carry it back out.
    /// </summary>
    public readonly string DecodeValue()
    {
        var raw = RawValue;
        if (Plain)
        {
            return Encoding.ASCII.GetString(raw);
        }
        var lineEnd = raw.IndexOf("\r\n"u8);
        string text;
        if (lineEnd < 0)
        {
            text = Encoding.UTF8.GetString(raw.Trim(" \t"u8));
        }
        else
        {
            var builder = new StringBuilder(raw.Length);
            builder.Append(Encoding.UTF8.GetString(raw[..lineEnd].Trim(" \t"u8)));
            while (lineEnd >= 0)
            {
                raw = raw[(lineEnd + 2)..];
                lineEnd = raw.IndexOf("\r\n"u8);
                var line = lineEnd < 0 ? raw : raw[..lineEnd];
                builder.Append(' ').Append(Encoding.UTF8.GetString(line.Trim(" \t"u8)));
            }
            text = builder.ToString();
        }
        text = text.Trim();
        return text.AsSpan().IndexOfAny('\r', '\n') >= 0 ? text.Replace('\r', ' ').Replace('\n', ' ') : text;
    }
}
