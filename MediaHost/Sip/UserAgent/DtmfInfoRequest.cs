using System.Globalization;
using System.Text;
using VoiceFunctions.MediaHost.Rtp.Dtmf;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>
/// The SIP INFO that carries one DTMF digit when RFC 4733 events were not negotiated: application/dtmf-relay,
/// the de-facto format ("Signal=5\r\nDuration=160\r\n") that <see cref="DtmfInfoParser"/> reads back.
/// </summary>
internal static class DtmfInfoRequest
{
    public const string ContentType = "application/dtmf-relay";

    public static SipMessage Create(SipDialog dialog, string contact, char digit, TimeSpan duration)
    {
        var info = dialog.CreateRequest("INFO", contact);
        info.Headers.Add(SipHeaderNames.ContentType, ContentType);
        info.Body = Encoding.ASCII.GetBytes(Body(digit, duration));
        return info;
    }

    /// <summary>The body for <paramref name="digit"/> (upper case), its duration in whole milliseconds (at least 1).</summary>
    public static string Body(char digit, TimeSpan duration)
    {
        TelephoneEvent.CodeOf(digit); // throws for anything that is not a DTMF key
        var ms = Math.Max(1, (int)Math.Round(duration.TotalMilliseconds));
        return string.Create(CultureInfo.InvariantCulture, $"Signal={char.ToUpperInvariant(digit)}\r\nDuration={ms}\r\n");
    }
}
