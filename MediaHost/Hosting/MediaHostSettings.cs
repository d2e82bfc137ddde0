namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The environment settings the deployment gives the MediaHost container — the one list that infra.bicep must
/// provide (a test checks it, and that every name in <see cref="Secrets"/> is passed as an ACI secure value).
/// Options classes bind from these names ("Section__Key" as an environment variable is "Section:Key" in
/// configuration); read them through these constants so a new one cannot be forgotten in the deployment.
/// </summary>
public static class MediaHostSettings
{
    /// <summary>The public DNS name of the container group: the host used in Contact headers and SDP.</summary>
    public const string SipPublicHost = "Sip__PublicHost";

    /// <summary>SIP digest user LiveKit SIP must present (the outbound trunk's auth user).</summary>
    public const string SipAuthUsername = "Sip__AuthUsername";

    /// <summary>SIP digest password (secret).</summary>
    public const string SipAuthPassword = "Sip__AuthPassword";

    /// <summary>First RTP port; the deployment narrows the range to the ports the platform exposes.</summary>
    public const string RtpPortMin = "Rtp__PortMin";

    /// <summary>Last RTP port (inclusive).</summary>
    public const string RtpPortMax = "Rtp__PortMax";

    /// <summary>URL of the control plane's AgentEvents function the MediaHost reports call events to.</summary>
    public const string ControlPlaneEventsUrl = "ControlPlane__EventsUrl";

    /// <summary>Key id under which the call events are signed (the control plane's AgentEvents:KeyId).</summary>
    public const string AgentEventsKeyId = "AgentEvents__KeyId";

    /// <summary>Secret that signs the call events (secret; the control plane's AgentEvents:Secret).</summary>
    public const string AgentEventsSecret = "AgentEvents__Secret";

    /// <summary>Application Insights connection string for the telemetry export (passed as a secure value).</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IReadOnlyList<string> All { get; } =
    [
        SipPublicHost, SipAuthUsername, SipAuthPassword, RtpPortMin, RtpPortMax,
        ControlPlaneEventsUrl, AgentEventsKeyId, AgentEventsSecret, ApplicationInsightsConnectionString,
    ];

    /// <summary>Settings whose values are secrets: deployed only as secure environment values.</summary>
    public static IReadOnlyList<string> Secrets { get; } = [SipAuthPassword, AgentEventsSecret, ApplicationInsightsConnectionString];
}
