using System.Net;

namespace VoiceFunctions.Cli.Simulation;

/// <summary>
/// The MediaHost's inbound policy for a call's first INVITE, in its order: the source allow-list (silence, or 403
/// with RejectUnlistedWith403), the accepted called numbers (404, compared on digits and '+'), then digest auth
/// (401) when InboundAuthentication is set. SIP reaches the MediaHost over UDP and TCP, and over TLS when Sip.TlsPort is set. Rate limits and bans
/// depend on traffic, not on one call, and are not simulated.
/// </summary>
public static class MediaHostPolicyWalk
{
    public static IReadOnlyList<SimulationStep> Walk(SimulatedCall call, MediaHostPolicySettings settings)
    {
        var file = settings.FileName;
        var steps = new List<SimulationStep>();
        if (call.Transport == SimulatedTransport.Tls)
        {
            if (settings.TlsPort is not { } tlsPort)
            {
                return [new SimulationStep("mediahost transport", StepVerdict.Reject, "SIP over TLS is off: Sip.TlsPort is not set (it needs Sip.TlsPort and Sip.TlsCertificatePath)",
                    "Sip.TlsPort", settings.TlsPortLine, "connection refused", file)];
            }
            steps.Add(new SimulationStep("mediahost transport", StepVerdict.Pass, $"the MediaHost listens for SIP over TLS on port {tlsPort}", "Sip.TlsPort", settings.TlsPortLine, File: file));
        }
        if (settings.AllowedNetworks.Count == 0)
        {
            steps.Add(new SimulationStep("mediahost source", StepVerdict.Pass, "AllowedNetworks is empty: every source may send INVITEs", "Sip.AllowedNetworks", settings.AllowedNetworksLine, File: file));
        }
        else if (call.Source is null)
        {
            steps.Add(new SimulationStep("mediahost source", StepVerdict.Note, "no --source given: assumed to be in AllowedNetworks", "Sip.AllowedNetworks", settings.AllowedNetworksLine, File: file));
        }
        else if (!settings.AllowedNetworks.Any(n => Contains(n, call.Source)))
        {
            var response = settings.RejectUnlistedWith403 ? "403 Forbidden" : "no response (dropped silently)";
            steps.Add(new SimulationStep("mediahost source", StepVerdict.Reject, $"{call.Source} is in none of {string.Join(", ", settings.AllowedNetworks)}",
                "Sip.AllowedNetworks", settings.AllowedNetworksLine, response, file));
            return steps;
        }
        else
        {
            steps.Add(new SimulationStep("mediahost source", StepVerdict.Pass, $"{call.Source} is in AllowedNetworks", "Sip.AllowedNetworks", settings.AllowedNetworksLine, File: file));
        }

        if (settings.AcceptedNumbers.Count > 0 && !settings.AcceptedNumbers.Any(n => Digits(n) == Digits(call.To)))
        {
            steps.Add(new SimulationStep("mediahost number", StepVerdict.Reject, $"{call.To} is not among AcceptedNumbers ({string.Join(", ", settings.AcceptedNumbers)})",
                "Sip.AcceptedNumbers", settings.AcceptedNumbersLine, "404 Not Found", file));
            return steps;
        }
        steps.Add(new SimulationStep("mediahost number", StepVerdict.Pass,
            settings.AcceptedNumbers.Count == 0 ? "AcceptedNumbers is empty: any called number" : $"{call.To} is accepted", "Sip.AcceptedNumbers", settings.AcceptedNumbersLine, File: file));

        if (settings.InboundAuthUser is { } user)
        {
            var verdict = call.AuthUser is null || !string.Equals(call.AuthUser, user, StringComparison.Ordinal) ? StepVerdict.Reject : StepVerdict.Pass;
            steps.Add(new SimulationStep("mediahost auth", verdict,
                verdict == StepVerdict.Pass ? $"401 challenge answered as {user}" : call.AuthUser is null ? "the MediaHost challenges with 401 and no credentials are sent (--auth)" : "the MediaHost expects a different user: 401 again",
                "Sip.InboundAuthentication", settings.InboundAuthLine, verdict == StepVerdict.Pass ? null : "401 Unauthorized", file));
        }
        return steps;
    }

    private static bool Contains(string network, IPAddress source)
    {
        var address = source.IsIPv4MappedToIPv6 ? source.MapToIPv4() : source;
        if (IPNetwork.TryParse(network.Trim(), out var parsed))
        {
            return parsed.Contains(address);
        }
        return IPAddress.TryParse(network.Trim(), out var single) && single.Equals(address);
    }

    private static string Digits(string number) => new([.. number.Where(c => char.IsAsciiDigit(c) || c == '+')]);
}
