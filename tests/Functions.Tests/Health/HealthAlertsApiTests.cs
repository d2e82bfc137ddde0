using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Functions.Tests.Support.ControlPlaneRig;

namespace VoiceFunctions.Functions.Tests.Health;

/// <summary>
/// The alerts the health check sends, recorded in its table on Azurite and read back through GET /api/health/alerts:
/// what was sent, what the webhook did with it, and how many are kept.
/// </summary>
public sealed class HealthAlertsApiTests
{
    private static HttpRequest Get(string query = "", string? key = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Path = "/api/health/alerts";
        context.Request.QueryString = new QueryString(query);
        if (key is not null)
        {
            context.Request.Headers["x-functions-key"] = key;
        }
        return context.Request;
    }

    private static async Task<HttpResponseResult> ListAsync(ControlPlaneRig rig, HttpRequest request) =>
        (HttpResponseResult)await ActivatorUtilities.CreateInstance<AlertsApiFunctions>(rig.Services).List(request, CancellationToken.None).DefaultTimeout();

    private static async Task<List<JsonElement>> AlertsAsync(ControlPlaneRig rig, string query = "")
    {
        var response = await ListAsync(rig, Get(query, rig.ApiKeySecret));
        Assert.True(response.Status == 200, response.BodyText);
        return JsonDocument.Parse(response.Body).RootElement.GetProperty("alerts").EnumerateArray().ToList();
    }

    [SkippableFact]
    public async Task An_outage_and_its_recovery_are_listed_newest_first_with_severity_checks_message_and_delivery()
    {
        await using var rig = await ControlPlaneRig.StartAsync(s =>
        {
            NoOutboundTrunk(s);
            s["LiveKit:Resilience:CircuitBreakerMinimumThroughput"] = "1000";
            s["Health:ErrorRateWindowChecks"] = "1";
        });
        await rig.SeedSipSetupAsync();
        var monitor = rig.Get<HealthMonitor>();
        Assert.Empty(await AlertsAsync(rig));

        rig.LiveKit.Faults.FailNextWithStatus(LiveKitApiMethods.ListRooms, 1, 503);
        await monitor.RunAsync(CancellationToken.None).DefaultTimeout();
        await monitor.RunAsync(CancellationToken.None).DefaultTimeout();

        var alerts = await AlertsAsync(rig);
        Assert.Equal(["recovery", "alert"], alerts.Select(a => a.GetProperty("kind").GetString()));
        var (recovery, alert) = (alerts[0], alerts[1]);
        Assert.Equal("Critical", alert.GetProperty("severity").GetString());
        Assert.Equal([HealthChecker.LiveKit], alert.GetProperty("checks").EnumerateArray().Select(c => c.GetString()));
        Assert.StartsWith("livekit down", alert.GetProperty("message").GetString());
        Assert.Equal("Delivered", alert.GetProperty("delivery").GetString());
        Assert.Equal("HTTP 200", alert.GetProperty("deliveryDetail").GetString());
        Assert.Equal("Info", recovery.GetProperty("severity").GetString());
        Assert.Empty(recovery.GetProperty("checks").EnumerateArray());
        Assert.True(recovery.GetProperty("at").GetDateTimeOffset() > alert.GetProperty("at").GetDateTimeOffset());
        Assert.Equal(2, rig.Alerts.Count);
    }

    [SkippableFact]
    public async Task An_alert_the_webhook_did_not_take_is_recorded_as_failed_at_each_retry_without_the_webhooks_address()
    {
        var webhook = $"http://127.0.0.1:{FreePort.Next()}/hooks/secret-path-token";
        await using var rig = await ControlPlaneRig.StartAsync(s => s["Health:AlertWebhookUrl"] = webhook);
        var monitor = rig.Get<HealthMonitor>();

        await monitor.RunAsync(CancellationToken.None).DefaultTimeout();
        await monitor.RunAsync(CancellationToken.None).DefaultTimeout();

        var response = await ListAsync(rig, Get("", rig.ApiKeySecret));
        var alerts = JsonDocument.Parse(response.Body).RootElement.GetProperty("alerts").EnumerateArray().ToList();
        Assert.Equal(2, alerts.Count);
        Assert.All(alerts, a =>
        {
            Assert.Equal("alert", a.GetProperty("kind").GetString());
            Assert.Equal("Failed", a.GetProperty("delivery").GetString());
            Assert.Equal("no answer from the webhook: ConnectionError", a.GetProperty("deliveryDetail").GetString());
        });
        Assert.DoesNotContain("secret-path-token", response.BodyText);
    }

    [SkippableFact]
    public async Task Only_the_newest_alerts_are_kept_and_the_limit_chooses_how_many_are_read()
    {
        await using var rig = await ControlPlaneRig.StartAsync(s => s["Health:AlertsKept"] = "3");
        var log = rig.Get<AlertLog>();
        var at = new DateTimeOffset(2026, 12, 7, 1, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < 5; i++)
        {
            await log.AddAsync(new AlertRecord(at.AddMinutes(i), "alert", AlertSeverity.Warning, ["sip"], "alert " + i, AlertDelivery.NotConfigured, "logged only"), CancellationToken.None);
        }

        Assert.Equal(["alert 4", "alert 3", "alert 2"], (await AlertsAsync(rig)).Select(a => a.GetProperty("message").GetString()));
        Assert.Equal(["alert 4", "alert 3"], (await AlertsAsync(rig, "?limit=2")).Select(a => a.GetProperty("message").GetString()));
        var stored = 0;
        await foreach (var _ in new Azure.Data.Tables.TableClient(Azurite.ConnectionString, rig.Table("health")).QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "alerts"))
        {
            stored++;
        }
        Assert.Equal(3, stored);
    }

    [SkippableFact]
    public async Task Alerts_API_refuses_a_wrong_key_and_a_limit_out_of_range()
    {
        await using var rig = await ControlPlaneRig.StartAsync();

        var noKey = await ListAsync(rig, Get());
        var wrongKey = await ListAsync(rig, Get("", "not-the-key"));
        var zero = await ListAsync(rig, Get("?limit=0", rig.ApiKeySecret));
        var tooMany = await ListAsync(rig, Get("?limit=101", rig.ApiKeySecret));
        var word = await ListAsync(rig, Get("?limit=ten", rig.ApiKeySecret));

        Assert.Equal([401, 401], new[] { noKey.Status, wrongKey.Status });
        Assert.All(new[] { zero, tooMany, word }, r =>
        {
            Assert.Equal(400, r.Status);
            Assert.Equal("limit must be a whole number from 1 to 100", r.BodyText);
        });
    }
}
