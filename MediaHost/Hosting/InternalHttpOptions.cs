namespace VoiceFunctions.MediaHost.Hosting;

/// <summary>
/// The MediaHost's internal HTTP listener: /metrics and the detailed /health (calls in progress, SIP state) are served
/// only here, never on the public HTTP port, which answers just the liveness probe. Bound from the "InternalHttp"
/// section (environment: InternalHttp__Url).
/// </summary>
public sealed class InternalHttpOptions
{
    public const string Section = "InternalHttp";

    /// <summary>
    /// Where the internal listener binds, an http URL with an explicit port. Default http://0.0.0.0:9090
    /// (<see cref="MediaHostPorts.Internal"/>): reachable by the cluster's probes and scraper on the node, and by no
    /// one else, because neither the AKS node pool nor the ACI group opens that port to the internet.
    /// </summary>
    public string Url { get; set; } = $"http://0.0.0.0:{MediaHostPorts.Internal}";
}
