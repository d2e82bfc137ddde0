namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The environment settings the deployment gives the MediaHost container — the one list that infra.bicep must
/// provide (a test checks it, and that every name in <see cref="Secrets"/> is passed as an ACI secure value).
/// Options classes bind from these names ("Section__Key" as an environment variable is "Section:Key" in
/// configuration); read them through these constants so a new one cannot be forgotten in the deployment.
/// </summary>
public static class MediaHostSettings
{
    /// <summary>The address peers reach the MediaHost on (Via, Contact, SDP): the container group's public DNS
    /// name (its IP is only known after the group exists).</summary>
    public const string SipExternalAddress = "Sip__ExternalAddress";

    /// <summary>SIP digest user LiveKit SIP must present (the outbound trunk's auth user).</summary>
    public const string SipInboundUsername = "Sip__InboundAuthentication__Username";

    /// <summary>Names the environment variable that holds the SIP digest password (the options never hold it).</summary>
    public const string SipInboundPasswordVariable = "Sip__InboundAuthentication__PasswordEnvironmentVariable";

    /// <summary>The SIP digest password itself (secret), in the variable <see cref="SipInboundPasswordVariable"/> names.</summary>
    public const string SipAuthPassword = "SIP_AUTH_PASSWORD";

    /// <summary>First RTP port; the deployment narrows the range to the ports the platform exposes.</summary>
    public const string RtpPortMin = "Rtp__PortMin";

    /// <summary>Last RTP port (inclusive).</summary>
    public const string RtpPortMax = "Rtp__PortMax";

    /// <summary>Base URL of the control plane (https://&lt;app&gt;.azurewebsites.net): call events go to
    /// {base}/api/calls/{callId}/events, the AgentEvents function's route.</summary>
    public const string ControlPlaneBaseUrl = "ControlPlane__BaseUrl";

    /// <summary>Key id under which the call events are signed (the control plane's AgentEvents:KeyId).</summary>
    public const string AgentEventsKeyId = "AgentEvents__KeyId";

    /// <summary>Secret that signs the call events (secret; the control plane's AgentEvents:Secret).</summary>
    public const string AgentEventsSecret = "AgentEvents__Secret";

    /// <summary>Application Insights connection string for the telemetry export (passed as a secure value).</summary>
    public const string ApplicationInsightsConnectionString = "APPLICATIONINSIGHTS_CONNECTION_STRING";

    public static IReadOnlyList<string> All { get; } =
    [
        SipExternalAddress, SipInboundUsername, SipInboundPasswordVariable, SipAuthPassword, RtpPortMin, RtpPortMax,
        ControlPlaneBaseUrl, AgentEventsKeyId, AgentEventsSecret, ApplicationInsightsConnectionString,
    ];

    /// <summary>Settings whose values are secrets: deployed only as secure environment values.</summary>
    public static IReadOnlyList<string> Secrets { get; } = [SipAuthPassword, AgentEventsSecret, ApplicationInsightsConnectionString];
}
