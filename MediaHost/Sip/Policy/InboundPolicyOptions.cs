namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>Who may talk to the MediaHost's SIP port, and how much. Defaults suit a small trunk behind an allow-list.</summary>
public sealed record InboundPolicyOptions
{
    /// <summary>Source networks in CIDR form ("203.0.113.0/24", "2001:db8::/32"). Empty: every source (not recommended on the internet).</summary>
    public IReadOnlyList<string> AllowedNetworks { get; init; } = [];

    /// <summary>Called numbers (Request-URI user) we answer; empty means any. Compared on digits and '+' only.</summary>
    public IReadOnlyList<string> AcceptedNumbers { get; init; } = [];

    /// <summary>False (default): unlisted sources get no response at all, so scanners learn nothing. True: 403.</summary>
    public bool RejectUnlistedWith403 { get; init; }

    /// <summary>Requests per source per minute before the source is banned (default 600: ten a second).</summary>
    public int MaxRequestsPerMinute { get; init; } = 600;

    /// <summary>New calls per source per minute; beyond it INVITEs get 503 (default 60).</summary>
    public int MaxCallsPerMinute { get; init; } = 60;

    /// <summary>New calls per source per hour; beyond it INVITEs get 503 (default 1000).</summary>
    public int MaxCallsPerHour { get; init; } = 1000;

    /// <summary>Failed authentications per source per minute before a ban (default 5).</summary>
    public int MaxFailedAuthenticationsPerMinute { get; init; } = 5;

    /// <summary>How long a banned source is ignored (default 10 minutes).</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Sources tracked at once; the least recently seen are forgotten beyond it (bounded memory under floods).</summary>
    public int MaxTrackedSources { get; init; } = 10_000;
}
