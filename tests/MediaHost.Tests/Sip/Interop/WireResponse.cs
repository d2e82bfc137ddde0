using System.Text;
using System.Text.RegularExpressions;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// A peer's lenient reading of what the host sent: the status and Call-ID of a response and the length of its frame on
/// a stream. Lenient on purpose: a 400 echoes the malformed headers it reports (so the sender can match it), which a
/// strict parser would refuse.
/// </summary>
public sealed partial record WireResponse(int Status, string? CallId)
{
    [GeneratedRegex(@"^SIP/2\.0 ([0-9]{3})[ \r]", RegexOptions.IgnoreCase)]
    private static partial Regex StatusLine();

    [GeneratedRegex(@"^(?:Call-ID|i)[ \t]*:[ \t]*(\S*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CallIdHeader();

    [GeneratedRegex(@"^(?:Content-Length|l)[ \t]*:[ \t]*([0-9]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ContentLengthHeader();

    /// <summary>The response in <paramref name="message"/>, or null for a request or anything that is not a response.</summary>
    public static WireResponse? Read(ReadOnlySpan<byte> message)
    {
        var text = Encoding.Latin1.GetString(message);
        var status = StatusLine().Match(text);
        if (!status.Success)
        {
            return null;
        }
        var callId = CallIdHeader().Match(text);
        return new WireResponse(int.Parse(status.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), callId.Success ? callId.Groups[1].Value : null);
    }

    /// <summary>The length of the first whole message in <paramref name="stream"/> (head and Content-Length body), or 0 when incomplete.</summary>
    public static int FrameLength(ReadOnlySpan<byte> stream)
    {
        var headEnd = stream.IndexOf("\r\n\r\n"u8);
        if (headEnd < 0)
        {
            return 0;
        }
        var length = ContentLengthHeader().Match(Encoding.Latin1.GetString(stream[..headEnd]));
        var total = headEnd + 4 + (length.Success ? int.Parse(length.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0);
        return stream.Length >= total ? total : 0;
    }
}
