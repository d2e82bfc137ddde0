using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Observability;

public sealed class TelemetrySetupTests
{
    [Fact]
    public async Task Metrics_endpoint_serves_voicefunctions_metrics_in_prometheus_format()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddVoiceFunctionsTelemetry(builder.Configuration, "voicefunctions-test");
        await using var app = builder.Build();
        app.MapVoiceFunctionsMetrics();
        await app.StartAsync().DefaultTimeout();

        var meter = app.Services.GetRequiredService<IMeterFactory>().Create(VoiceFunctionsTelemetry.MeterName);
        meter.CreateCounter<long>(MetricNames.CallsStarted).Add(3, new KeyValuePair<string, object?>(MetricTags.Plane, MetricTags.Planes.MediaHost));
        // Area meters ("VoiceFunctions.LiveKit", "VoiceFunctions.MediaHost.Sip") are exported by the same registration.
        var areaMeter = app.Services.GetRequiredService<IMeterFactory>().Create(LiveKitMetricNames.Meter);
        areaMeter.CreateHistogram<double>(LiveKitMetricNames.ApiDuration, unit: "s").Record(0.25);

        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        var response = await http.GetAsync(ObservabilityTelemetryExtensions.MetricsPath).DefaultTimeout();
        var body = await response.Content.ReadAsStringAsync().DefaultTimeout();
        await app.StopAsync().DefaultTimeout();

        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Contains("voicefunctions_calls_started_total{", body, StringComparison.Ordinal);
        Assert.Contains("plane=\"media\"", body, StringComparison.Ordinal);
        Assert.Contains("} 3", body, StringComparison.Ordinal);
        Assert.Contains("voicefunctions_livekit_api_duration_seconds_bucket{", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("Authorization=Key", false)]
    [InlineData("Authorization=AAD", true)]
    [InlineData("Authorization=aad;ClientId=00000000-0000-0000-0000-000000000001", true)]
    public void Application_Insights_uses_the_managed_identity_only_when_told_to(string? authentication, bool expectCredential)
    {
        Assert.Equal(expectCredential, ObservabilityTelemetryExtensions.ApplicationInsightsCredential(authentication) is not null);
    }
}
