namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>CSeq: a sequence number (below 2^31, leading zeros allowed) and the method it numbers.</summary>
public readonly record struct SipCSeq(int Number, string Method)
{
    public static bool TryParse(string? value, out SipCSeq cseq)
    {
        cseq = default;
        if (value is null)
        {
            return false;
        }
        var text = value.AsSpan().Trim();
        var space = text.IndexOfAny(' ', '\t');
        if (space <= 0)
        {
            return false;
        }
        var method = text[space..].Trim();
        if (!SipSyntax.TryParseBoundedInt(text[..space], int.MaxValue, out var number) || !SipSyntax.IsToken(method))
        {
            return false;
        }
        cseq = new SipCSeq(number, method.ToString());
        return true;
    }

    public override string ToString() => $"{Number} {Method}";
}
