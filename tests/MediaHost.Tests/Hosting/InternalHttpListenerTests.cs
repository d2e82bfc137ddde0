using System.Net;
using VoiceFunctions.MediaHost.Hosting;

namespace VoiceFunctions.MediaHost.Tests.Hosting;

/// <summary>
/// The MediaHost process serves two HTTP listeners: the public one answers only the liveness probe; /metrics
/// (Prometheus text) and the detailed /health answer only on the internal port, whatever Host header a client sends.
/// </summary>
public sealed class InternalHttpListenerTests
{
    [SkippableFact]
    public async Task Metrics_and_detailed_health_answer_on_the_internal_port_only_and_the_public_port_serves_liveness()
    {
        await using var host = await EchoMediaHost.StartAsync(drainTimeoutSeconds: 0);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var publicBase = $"http://127.0.0.1:{host.PublicHttpPort}";
        var internalBase = $"http://127.0.0.1:{host.HttpPort}";

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(publicBase + HealthEndpoints.Live)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(publicBase + "/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(publicBase + HealthEndpoints.Ready)).StatusCode);
        // A Host header naming the internal port does not open it on the public one.
        using var spoofed = new HttpRequestMessage(HttpMethod.Get, publicBase + "/metrics");
        spoofed.Headers.Host = $"127.0.0.1:{host.HttpPort}";
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(spoofed)).StatusCode);

        var metrics = await http.GetAsync(internalBase + "/metrics");
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType);
        Assert.Contains("voicefunctions_sip_active_dialogs", await metrics.Content.ReadAsStringAsync());
        var health = await http.GetAsync(internalBase + HealthEndpoints.Ready);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains("\"activeCalls\":0", await health.Content.ReadAsStringAsync());
    }
}
