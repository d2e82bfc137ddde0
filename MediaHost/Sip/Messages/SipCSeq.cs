namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>CSeq: a sequence number (below 2^31, leading zeros allowed) and the method it numbers.</summary>
public readonly record struct SipCSeq(int Number, string Method)
{
    public static bool TryParse(string? value, out SipCSeq cseq)
    {
        cseq = default;
        if (value is null || !TryParse(value, out var number, out var method))
        {
            return false;
        }
        cseq = new SipCSeq(number, SipMethods.Intern(method));
        return true;
    }

    /// <summary>Reads "number method" without allocating; the method is a slice of <paramref name="value"/>.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, out int number, out ReadOnlySpan<char> method)
    {
        number = 0;
        method = default;
        var text = value.Trim();
        var space = text.IndexOfAny(' ', '\t');
        if (space <= 0)
        {
            return false;
        }
        method = text[space..].Trim();
        return SipSyntax.TryParseBoundedInt(text[..space], int.MaxValue, out number) && SipSyntax.IsToken(method);
    }

    public override string ToString() => $"{Number} {Method}";
}
