namespace VoiceFunctions.Benchmarks.Media;

/// <summary>
/// The few fields of a SIP response the load generator needs (status, Call-ID, CSeq, To, Contact URI, the SDP's
/// audio port), read from the text. A load tool's parser, not the MediaHost's: it trusts its peer.
/// </summary>
public sealed record SipText(int Status, string CallId, string CSeq, string To, string? ContactUri, int MediaPort)
{
    public static SipText? Parse(string message)
    {
        var lines = message.Split("\r\n");
        if (lines.Length == 0 || !lines[0].StartsWith("SIP/2.0 ", StringComparison.Ordinal) || !int.TryParse(lines[0].AsSpan(8, 3), out var status))
        {
            return null;
        }
        string callId = "", cseq = "", to = "";
        string? contact = null;
        var mediaPort = 0;
        var inBody = false;
        foreach (var line in lines.Skip(1))
        {
            if (line.Length == 0)
            {
                inBody = true;
                continue;
            }
            if (inBody)
            {
                if (line.StartsWith("m=audio ", StringComparison.Ordinal))
                {
                    mediaPort = int.Parse(line.Split(' ')[1]);
                }
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }
            var name = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (name)
            {
                case "call-id" or "i":
                    callId = value;
                    break;
                case "cseq":
                    cseq = value;
                    break;
                case "to" or "t":
                    to = value;
                    break;
                case "contact" or "m":
                    var open = value.IndexOf('<');
                    var close = value.IndexOf('>');
                    contact = open >= 0 && close > open ? value[(open + 1)..close] : value.Split(';')[0];
                    break;
            }
        }
        return new SipText(status, callId, cseq, to, contact, mediaPort);
    }
}
