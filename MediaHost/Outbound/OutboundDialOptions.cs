using System.ComponentModel.DataAnnotations;
using System.Net;
using VoiceFunctions.MediaHost.Outbound.Amd;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>Configuration section "Outbound": how the MediaHost dials callees in direct mode.</summary>
public sealed class OutboundDialOptions : IValidatableObject
{
    public const string Section = "Outbound";

    /// <summary>Where INVITEs go: the trunk's SIP proxy as "ip:port" (e.g. "203.0.113.10:5060"). Empty: outbound calling is off.</summary>
    public string Trunk { get; set; } = "";

    /// <summary>The host part of the Request-URI ("sip:+1555…@&lt;domain&gt;"). Empty: the trunk's address.</summary>
    public string Domain { get; set; } = "";

    /// <summary>"udp" (default), "tcp" or "tls" (SIP over TLS to the trunk: needs Sip:TlsPort for our TLS transport).</summary>
    [RegularExpression("^(udp|tcp|tls)$", ErrorMessage = "Outbound:Transport must be udp, tcp or tls")]
    public string Transport { get; set; } = "udp";

    /// <summary>
    /// The trunk's SDES-SRTP (RFC 4568): Off (default, plain RTP), Allowed (we offer best-effort SRTP, RTP/AVP with
    /// a=crypto, and take a plain answer) or Required (we offer RTP/SAVP; a plain answer ends the call with 488). The keys
    /// travel in the SDP, so Allowed and Required need Transport tls.
    /// </summary>
    public MediaEncryption MediaEncryption { get; set; } = MediaEncryption.Off;

    /// <summary>Our From user when the request names no caller ID (our number or the trunk account). Default "agent".</summary>
    [Required]
    public string DefaultFrom { get; set; } = "agent";

    /// <summary>The digest user name when the trunk challenges; empty: a challenge fails the call.</summary>
    public string Username { get; set; } = "";

    /// <summary>The environment variable holding the digest password (never the password itself).</summary>
    public string PasswordEnvironmentVariable { get; set; } = "";

    /// <summary>The longest ring timeout a dial request may ask for, in seconds. Default 120.</summary>
    [Range(5, 300)]
    public int MaxRingSeconds { get; set; } = 120;

    /// <summary>Answering-machine detection on answered calls: Off (default), HangUp on a machine, or LeaveMessage after its beep.</summary>
    public AmdAction AmdAction { get; set; } = AmdAction.Off;

    /// <summary>The detection's thresholds (Outbound:Amd:…).</summary>
    public AmdOptions Amd { get; set; } = new();

    public bool Enabled => Trunk.Length > 0;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && !IPEndPoint.TryParse(Trunk, out var endpoint) | endpoint is { Port: 0 })
        {
            yield return new ValidationResult("Outbound:Trunk must be an address with a port, e.g. 203.0.113.10:5060", [nameof(Trunk)]);
        }
        if (MediaEncryption != MediaEncryption.Off && Transport != "tls")
        {
            yield return new ValidationResult(
                $"Outbound:MediaEncryption {MediaEncryption} needs Outbound:Transport tls: SDES keys in SDP must not cross the network in clear (transport is {Transport})",
                [nameof(MediaEncryption), nameof(Transport)]);
        }
        foreach (var problem in AmdProblems())
        {
            yield return problem;
        }
        if (Username.Length > 0 && PasswordEnvironmentVariable.Length == 0)
        {
            yield return new ValidationResult("Outbound:PasswordEnvironmentVariable is required when Outbound:Username is set", [nameof(PasswordEnvironmentVariable)]);
        }
    }

    private IEnumerable<ValidationResult> AmdProblems()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Amd, new ValidationContext(Amd), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult("Outbound:Amd:" + string.Join(',', r.MemberNames) + ": " + r.ErrorMessage, r.MemberNames.Select(m => "Amd." + m)));
    }
}
