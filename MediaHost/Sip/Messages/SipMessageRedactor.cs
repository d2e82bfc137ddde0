using System.Text;
using System.Text.RegularExpressions;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>
/// A message as it may appear in logs: credentials (Authorization, Proxy-Authorization) masked down to the
/// username, phone numbers masked, and the body left out (SDP and DTMF say too much). Use for Debug traces only.
/// </summary>
public static partial class SipMessageRedactor
{
    public static string Redact(SipMessage message)
    {
        var builder = new StringBuilder(512);
        builder.Append(message.IsRequest ? $"{message.Method} {MaskNumbers(message.RequestUri!)}" : $"{message.StatusCode} {message.ReasonPhrase}").Append(" | ");
        foreach (var header in message.Headers)
        {
            builder.Append(header.Name).Append(": ");
            if (header.Name is SipHeaderNames.Authorization or SipHeaderNames.ProxyAuthorization)
            {
                var user = UsernamePattern().Match(header.Value);
                builder.Append("Digest ").Append(user.Success ? user.Value + ", " : "").Append("<redacted>");
            }
            else
            {
                builder.Append(MaskNumbers(header.Value));
            }
            builder.Append(" | ");
        }
        return builder.Append("body ").Append(message.Body.Length).Append(" bytes").ToString();
    }

    private static string MaskNumbers(string text) => NumberPattern().Replace(text, m => m.Value[..Math.Min(3, m.Value.Length)] + "***");

    [GeneratedRegex(@"\+?\d{6,}")]
    private static partial Regex NumberPattern();

    [GeneratedRegex("username=\"[^\"]*\"")]
    private static partial Regex UsernamePattern();
}
