using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Who a call is between, as its INVITE says.</summary>
/// <param name="Caller">The caller's number or SIP user (From).</param>
/// <param name="Called">The called number or SIP user (To / Request-URI).</param>
/// <param name="ExposedHeaders">INVITE headers the options expose to the call handler (X-* and the like).</param>
public sealed record SipCallParties(string Caller, string Called, IReadOnlyDictionary<string, string> ExposedHeaders)
{
    /// <summary>
    /// Headers only this host writes, on the calls it places (direction, answering-machine verdict, per-call variables
    /// that fill the agent's prompt). Taken from a received message they would let a caller pose as a call we placed
    /// and write into the prompt, so they are never exposed, whatever the prefixes say.
    /// </summary>
    public static readonly IReadOnlyList<string> HostOnlyHeaderPrefixes =
        ["X-VoiceFunctions-Direction", "X-VoiceFunctions-Answered-By", "X-VoiceFunctions-Var-"];

    /// <summary>The parties of a received INVITE, exposing the headers whose names start with one of <paramref name="exposedPrefixes"/>.</summary>
    public static SipCallParties Of(SipMessage invite, IReadOnlyList<string> exposedPrefixes)
    {
        var exposed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in invite.Headers)
        {
            if (exposedPrefixes.Any(p => header.Name.StartsWith(p, StringComparison.OrdinalIgnoreCase))
                && !HostOnlyHeaderPrefixes.Any(p => header.Name.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            {
                exposed[header.Name] = header.Value;
            }
        }
        var called = SipUri.TryParse(invite.RequestUri, out var requestUri) && requestUri.User is { } user ? user : invite.To?.Uri?.User ?? "";
        var caller = invite.From?.Uri?.User ?? invite.From?.UriText ?? "";
        return new SipCallParties(caller, called, exposed);
    }
}
