namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The MediaHost's default listening ports — the one place the SIP/RTP options, the Dockerfile's EXPOSE lines
/// and the deployment template agree on (a test checks the Dockerfile against these constants). The SIP and
/// RTP options take their defaults from here.
/// </summary>
public static class MediaHostPorts
{
    /// <summary>SIP over UDP and TCP (RFC 3261's well-known port).</summary>
    public const int Sip = 5060;

    /// <summary>First RTP port of the media range. Default 10000.</summary>
    public const int RtpMin = 10000;

    /// <summary>Last RTP port of the media range (inclusive). Default 10099: a hundred ports, enough for
    /// fifty calls with RTCP on the odd port or a hundred with RTCP multiplexed on the RTP port.</summary>
    public const int RtpMax = 10099;

    /// <summary>HTTP: /health (liveness, readiness, drain state) and /metrics (Prometheus).</summary>
    public const int Http = 8080;
}
