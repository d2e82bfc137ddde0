namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The MediaHost's default listening ports — the one place the SIP/RTP options, the Dockerfile's EXPOSE lines
/// and the deployment template agree on (tests check the Dockerfile and infra.bicep against these constants).
/// SipOptions takes its ports from here; the RTP range is RtpOptions' own default, repeated here.
/// </summary>
public static class MediaHostPorts
{
    /// <summary>SIP over UDP and TCP (RFC 3261's well-known port).</summary>
    public const int Sip = 5060;

    /// <summary>First port of the media range: the RTP options' default (each call takes an even RTP port and
    /// the odd RTCP port above it).</summary>
    public const int RtpMin = Media.RtpOptions.DefaultPortMin;

    /// <summary>Last port of the media range (inclusive): the RTP options' default.</summary>
    public const int RtpMax = Media.RtpOptions.DefaultPortMax;

    /// <summary>Public HTTP: only the liveness probe (/health/live).</summary>
    public const int Http = 8080;

    /// <summary>Internal HTTP (<see cref="InternalHttpOptions"/>): /metrics (Prometheus) and the detailed /health
    /// (readiness, drain state, calls in progress); never opened to the internet by the deployments.</summary>
    public const int Internal = 9090;
}
