using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.LocalHost.FunctionApp;

namespace VoiceFunctions.Functions.Tests.LocalHost;

/// <summary>
/// The local host and the function app expose the same triggers: every HTTP and timer function in the
/// <c>functions.metadata</c> the build generates from the function app has its local twin (route under host.json's
/// prefix, methods, schedule setting), and the local host serves no function the app lacks.
/// </summary>
public sealed class FunctionTwinTests
{
    private static Dictionary<string, string?> Settings(string? hostJson = null) => new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["LiveKit:Url"] = "http://127.0.0.1:9",
        ["LiveKit:ApiKey"] = "APItwin",
        ["LiveKit:ApiSecret"] = Support.WebhookTestKit.NewSecret(),
        ["AgentEvents:Secret"] = Support.WebhookTestKit.NewSecret(),
        ["AgentDispatch:OutboundTrunkId"] = "ST_twin",
        ["HealthCheckSchedule"] = "0 */1 * * * *",
        ["ReconciliationSchedule"] = "0 */5 * * * *",
        ["PurgeSchedule"] = "0 30 3 * * *",
        ["LocalHost:HostJsonPath"] = hostJson,
    };

    [Fact]
    public async Task Every_http_and_timer_function_of_the_function_app_has_its_local_twin_and_no_local_function_is_extra()
    {
        using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "functions.metadata")));
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(Settings()));
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().ToList();
        var jobs = app.Services.GetServices<IHostedService>().OfType<TimerFunctionJob>().ToList();

        var http = 0;
        var timers = 0;
        foreach (var function in metadata.RootElement.EnumerateArray())
        {
            var name = function.GetProperty("name").GetString()!;
            foreach (var binding in function.GetProperty("bindings").EnumerateArray())
            {
                switch (binding.GetProperty("type").GetString())
                {
                    case "httpTrigger":
                        http++;
                        var pattern = "/api/" + binding.GetProperty("route").GetString();
                        // One route may carry several functions (GET and POST /api/calls): the twin is the endpoint of that name there.
                        var twin = endpoints.SingleOrDefault(e => e.RoutePattern.RawText == pattern && e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName == name);
                        Assert.True(twin is not null, $"{name}: no local endpoint of that name at {pattern}");
                        var methods = twin.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods;
                        Assert.Equal(binding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(), methods.Order());
                        Assert.Equal(name, twin.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName);
                        break;
                    case "timerTrigger":
                        timers++;
                        var job = jobs.SingleOrDefault(j => j.Name == name);
                        Assert.True(job is not null, $"{name}: no local timer");
                        Assert.Equal(binding.GetProperty("schedule").GetString(), job.DeclaredSchedule);
                        break;
                }
            }
        }
        Assert.True(http >= 9 && timers >= 3, $"functions.metadata lists {http} HTTP and {timers} timer functions");
        Assert.Equal(http, endpoints.Count(e => e.Metadata.GetMetadata<IEndpointNameMetadata>() is not null));
        Assert.Equal(timers, jobs.Count);
    }

    [Fact]
    public async Task Routes_follow_host_json_route_prefix_and_timers_their_schedule_settings()
    {
        var hostJson = Path.Combine(Path.GetTempPath(), $"host-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(hostJson, """{ "version": "2.0", "extensions": { "http": { "routePrefix": "voice" } } }""");
        try
        {
            var settings = Settings(hostJson);
            settings["ReconciliationSchedule"] = "15 */2 * * * *";
            await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(settings));

            var routes = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>().Select(e => e.RoutePattern.RawText).ToList();
            Assert.Contains("/voice/livekit/webhook", routes);
            Assert.DoesNotContain("/api/livekit/webhook", routes);
            var reconciliation = app.Services.GetServices<IHostedService>().OfType<TimerFunctionJob>().Single(j => j.Name == "Reconciliation");
            Assert.Equal(new DateTimeOffset(2026, 1, 1, 10, 2, 15, TimeSpan.Zero), reconciliation.NextRunAfter(new DateTimeOffset(2026, 1, 1, 10, 0, 15, TimeSpan.Zero)));
        }
        finally
        {
            File.Delete(hostJson);
        }
    }

    [Fact]
    public void Missing_schedule_setting_is_named_when_the_local_host_is_built()
    {
        var settings = Settings();
        settings.Remove("PurgeSchedule");
        var e = Assert.Throws<InvalidOperationException>(() => LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(settings)));
        Assert.Contains("PurgeSchedule is not set", e.Message, StringComparison.Ordinal);
    }
}
