namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The MediaHost's HTTP health paths, shared by the app, the Dockerfile's HEALTHCHECK and the deployment's
/// liveness probe (tests check both against these constants).
/// </summary>
public static class HealthEndpoints
{
    /// <summary>Liveness: 200 while the process serves requests, also while draining — a container
    /// orchestrator restarts the container only when this fails, never because calls are being drained. The one path
    /// the public HTTP port serves.</summary>
    public const string Live = "/health/live";

    /// <summary>Readiness and detail: 200 when SIP, RTP and the providers are up; 503 while starting or draining.
    /// Served on the internal port only (<see cref="MediaHostPorts.Internal"/>): it tells how many calls are in progress.</summary>
    public const string Ready = "/health";
}
