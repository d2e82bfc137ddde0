using VoiceFunctions.Shared.Telephony.Deployment.Model;

namespace VoiceFunctions.Cli.Doctor.Carrier;

/// <summary>
/// The carrier probe: one SIP OPTIONS to each outbound trunk's address (and the MediaHost's registrar when its
/// settings are given), judged as an operator would: answered, challenged, forbidden, refused, unreachable or silent.
/// </summary>
public static class CarrierChecks
{
    public static IReadOnlyList<SipTarget> Targets(DeploymentFile? file, string? registrar)
    {
        var targets = new List<SipTarget>();
        foreach (var trunk in file?.OutboundTrunks ?? [])
        {
            var transport = trunk.Transport switch
            {
                SipTransport.Tcp => ProbeTransport.Tcp,
                SipTransport.Tls => ProbeTransport.Tls,
                _ => ProbeTransport.Udp,
            };
            if (trunk.Address?.Value is { } address && SipTarget.Parse($"outbound trunk '{trunk.Name?.Value}'", address, transport, trunk.Auth is not null) is { } target)
            {
                targets.Add(target);
            }
        }
        if (registrar is not null && SipTarget.Parse("the MediaHost's registrar", registrar, ProbeTransport.Udp, hasCredentials: true) is { } registrarTarget)
        {
            targets.Add(registrarTarget);
        }
        return targets;
    }

    public static async Task<DoctorCheck> ProbeAsync(SipOptionsProbe probe, SipTarget target, CancellationToken cancellationToken)
    {
        var result = await probe.ProbeAsync(target.Host, target.Port, target.Transport, cancellationToken);
        return Judge(target, result);
    }

    public static DoctorCheck Judge(SipTarget target, ProbeResult result)
    {
        var name = "carrier " + target.Label;
        var sent = $"OPTIONS to {target}";
        if (result.Outcome != ProbeOutcome.Answered)
        {
            var evidence = $"{sent}: {result.Outcome.ToString().ToLowerInvariant()} ({result.Error})";
            return result.Outcome switch
            {
                ProbeOutcome.Unresolvable => DoctorCheck.Fail(name, evidence, "The carrier's host name is not in DNS from here.", "Check the trunk's address, or run doctor where that name resolves."),
                ProbeOutcome.Refused => DoctorCheck.Fail(name, evidence,
                    target.Transport == ProbeTransport.Udp
                        ? "The host answered ICMP port unreachable: nothing listens for SIP on that UDP port."
                        : "The host reset the connection: nothing listens on that port over TCP/TLS.",
                    "Check the port and transport the carrier gave you (UDP 5060, TCP 5060, TLS 5061 are usual)."),
                ProbeOutcome.Unreachable => DoctorCheck.Fail(name, evidence, "There is no route to the carrier's network from here.", "Check routing, VPN or the carrier's address."),
                ProbeOutcome.TlsFailed => DoctorCheck.Fail(name, evidence, "The TLS handshake failed, so no SIP could be sent.", "See the tls check of this address; the carrier may expect another port or plain TCP."),
                _ => DoctorCheck.Fail(name, evidence,
                    "Nothing came back: a firewall drops the packets, the host is down, or the carrier silently ignores addresses it has not allowed.",
                    "Ask the carrier to allow this machine's public address for signalling, and check outbound UDP/TCP to that port."),
            };
        }
        var answer = $"{sent}: {result.Status} {result.Reason} in {result.RoundTrip.TotalMilliseconds:0} ms";
        return result.Status switch
        {
            >= 200 and < 300 => DoctorCheck.Pass(name, answer),
            401 or 407 when target.HasCredentials => DoctorCheck.Pass(name, answer + " (a digest challenge: expected, the trunk has credentials)"),
            401 or 407 => DoctorCheck.Fail(name, answer,
                "The carrier demands digest authentication and the trunk has no credentials: every call through it gets the same challenge and fails.",
                "Add auth (username and password references) to the trunk, then voicectl sip apply."),
            403 => DoctorCheck.Fail(name, answer,
                "The carrier refuses us: this address is not on its allow-list, or the account is blocked or unpaid.",
                "Ask the carrier to allow your public signalling address and check the account."),
            405 or 501 => DoctorCheck.Pass(name, answer + " (OPTIONS not supported, but a SIP server answers)"),
            503 => DoctorCheck.Warn(name, answer, "The far end is overloaded or draining and takes no new calls now.", "Retry later; a MediaHost answers 503 while it drains."),
            _ => DoctorCheck.Warn(name, answer, "The far end answers SIP but not as expected.", "Read the reason phrase; the carrier's support can say what it means for them."),
        };
    }
}
