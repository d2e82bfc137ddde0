using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The SIP side of the MediaHost (configuration section "Sip"). Validated at start: every problem is reported
/// with the setting's name. Secrets are never values here, only names of environment variables that hold them.
/// </summary>
public sealed class SipOptions
{
    public const string Section = "Sip";

    /// <summary>Address the SIP sockets bind to. Default 0.0.0.0 (all IPv4 interfaces).</summary>
    [Required]
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>UDP port. Default 5060; 0 picks a free port (tests).</summary>
    [Range(0, 65535)]
    public int UdpPort { get; set; } = MediaHostPorts.Sip;

    /// <summary>TCP port. Default 5060; -1 disables SIP over TCP.</summary>
    [Range(-1, 65535)]
    public int TcpPort { get; set; } = MediaHostPorts.Sip;

    /// <summary>SIP over TLS port (RFC 3261 section 26.2; 5061 is usual). Default -1: off. Needs <see cref="TlsCertificatePath"/>.</summary>
    public int TlsPort { get; set; } = -1;

    /// <summary>Our TLS certificate with its private key, a PKCS#12 (.pfx) file (mounted from Key Vault in production).</summary>
    public string? TlsCertificatePath { get; set; }

    /// <summary>Name of the environment variable holding the .pfx password (never the password itself); unset: none.</summary>
    public string? TlsCertificatePasswordEnvironmentVariable { get; set; }

    /// <summary>SHA-256 fingerprints of trunk certificates we trust when we connect, beyond the system's roots (self-signed trunks).</summary>
    public List<string> TlsTrustedPeerFingerprints { get; set; } = [];

    /// <summary>
    /// SDES-SRTP for calls: Off (default, plain RTP), Allowed (SRTP when offered) or Required (488 to plain offers), as
    /// LiveKit's trunk media_encryption. Allowed and Required need <see cref="TlsPort"/>: SDES keys must not cross in clear.
    /// </summary>
    public Sip.Sdp.MediaEncryption MediaEncryption { get; set; } = Sip.Sdp.MediaEncryption.Off;

    /// <summary>The address peers must reach us on (Via, Contact, SDP) when behind NAT: an IP address, or a host name
    /// resolved once at start (the start fails when it does not resolve). Default: the bound address.</summary>
    public string? ExternalAddress { get; set; }

    /// <summary>Address media sockets bind to. Default 0.0.0.0.</summary>
    [Required]
    public string MediaBindAddress { get; set; } = "0.0.0.0";

    /// <summary>Source networks (CIDR) allowed to talk to us. Empty: everyone — only for trusted networks.</summary>
    public List<string> AllowedNetworks { get; set; } = [];

    /// <summary>Called numbers we answer. Empty: any.</summary>
    public List<string> AcceptedNumbers { get; set; } = [];

    /// <summary>Answer unlisted sources with 403 instead of silence. Default false: scanners learn nothing.</summary>
    public bool RejectUnlistedWith403 { get; set; }

    /// <summary>Concurrent calls; beyond it new INVITEs get 503. Default 100.</summary>
    [Range(1, 10_000)]
    public int MaxConcurrentCalls { get; set; } = 100;

    /// <summary>
    /// New calls get 503 (Retry-After 10 s) while the process used at least this share of all cores, in percent, over
    /// <see cref="CpuWindowSeconds"/>. Default 0: off (85 is a sensible production value; calls in progress stutter above it).
    /// </summary>
    public double MaxCpuPercent { get; set; }

    /// <summary>The window CPU usage is averaged over for <see cref="MaxCpuPercent"/>, in seconds. Default 5.</summary>
    public int CpuWindowSeconds { get; set; } = 5;

    /// <summary>Requests per source per minute before a ban. Default 600.</summary>
    [Range(1, 1_000_000)]
    public int MaxRequestsPerMinute { get; set; } = 600;

    /// <summary>New calls per source per minute (503 beyond). Default 60.</summary>
    [Range(1, 100_000)]
    public int MaxCallsPerMinute { get; set; } = 60;

    /// <summary>New calls per source per hour (503 beyond). Default 1000.</summary>
    [Range(1, 1_000_000)]
    public int MaxCallsPerHour { get; set; } = 1000;

    /// <summary>Ban length for flooding or password-guessing sources, in minutes. Default 10.</summary>
    [Range(1, 1440)]
    public int BanMinutes { get; set; } = 10;

    /// <summary>Seconds to let calls finish on shutdown before hanging them up. Default 30.</summary>
    [Range(0, 3600)]
    public int DrainTimeoutSeconds { get; set; } = 30;

    /// <summary>Challenge inbound INVITEs with digest (optional).</summary>
    public SipAccountOptions? InboundAuthentication { get; set; }

    /// <summary>Register at a provider (optional, direct mode).</summary>
    public SipRegistrationSettings? Registration { get; set; }
}
