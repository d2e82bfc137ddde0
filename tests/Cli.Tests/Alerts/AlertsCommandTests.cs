using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Cli.Alerts;
using VoiceFunctions.Cli.Tests.Support;
using VoiceFunctions.Cli.Tests.Tls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Cli.Tests.Alerts;

/// <summary>voicectl alerts test (a loopback alert webhook) and alerts list (an ARM double over HTTPS, trusted through SSL_CERT_FILE).</summary>
public class AlertsCommandTests
{
    private static readonly Dictionary<string, string?> NoAzure = new(CorpusEnvironment.Variables)
    {
        ["AZURE_ACCESS_TOKEN"] = null,
        ["AZURE_CLIENT_ID"] = null,
        ["AZURE_TENANT_ID"] = null,
        ["AZURE_CLIENT_SECRET"] = null,
        ["AZURE_SUBSCRIPTION_ID"] = null,
        ["Health__AlertWebhookUrl"] = null,
        ["PATH"] = "/usr/bin:/bin",
    };

    private sealed class Receiver : IAsyncDisposable
    {
        private readonly WebApplication _app;

        public Receiver(int status)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
            _app = builder.Build();
            _app.MapPost("/hooks/{secret}", async (HttpRequest request) =>
            {
                Bodies.Add(await JsonDocument.ParseAsync(request.Body));
                return Results.StatusCode(status);
            });
            _app.StartAsync().GetAwaiter().GetResult();
            Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hooks/s3cr3t-token";
        }

        public string Url { get; }

        public List<JsonDocument> Bodies { get; } = [];

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }

    [Fact]
    public async Task Test_alert_is_delivered_in_the_control_planes_alert_shape_and_the_secret_path_is_not_printed()
    {
        await using var receiver = new Receiver(200);

        var result = await VoicectlProcess.RunAsync(new Dictionary<string, string?>(NoAzure) { ["Health__AlertWebhookUrl"] = receiver.Url }, "alerts", "test", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var report = OutputSchema.AssertValid("alerts-test", result.Output);
        Assert.True(report.GetProperty("delivered").GetBoolean());
        Assert.Equal(200, report.GetProperty("status").GetInt32());
        Assert.DoesNotContain("s3cr3t", result.Output + result.Error);
        var body = Assert.Single(receiver.Bodies).RootElement;
        Assert.Equal("test", body.GetProperty("kind").GetString());
        Assert.StartsWith("Test alert from voicectl alerts test", body.GetProperty("summary").GetString());
        Assert.Equal(JsonValueKind.Array, body.GetProperty("components").ValueKind);
    }

    [Fact]
    public async Task Channel_that_refuses_the_alert_is_not_delivered_and_exits_1()
    {
        await using var receiver = new Receiver(500);
        var settings = Path.Combine(Path.GetTempPath(), $"local.settings.{Guid.NewGuid():N}.json");
        File.WriteAllText(settings, $$"""
            {"IsEncrypted": false, "Values": {"Health__AlertWebhookUrl": "{{receiver.Url}}"} }
            """);
        try
        {
            var result = await VoicectlProcess.RunAsync(NoAzure, "alerts", "test", "--settings", settings);

            Assert.Equal(ExitCodes.Failed, result.ExitCode);
            Assert.Contains("NOT delivered", result.Output);
            Assert.Contains("HTTP 500", result.Output);
            Assert.Contains("(Values.Health__AlertWebhookUrl)", result.Output);
        }
        finally
        {
            File.Delete(settings);
        }
    }

    [Fact]
    public async Task No_alert_channel_is_a_usage_error_saying_where_it_is_configured()
    {
        var result = await VoicectlProcess.RunAsync(NoAzure, "alerts", "test");

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no alert channel configured", result.Error);
        Assert.Contains("Health__AlertWebhookUrl", result.Error);
    }

    [Fact]
    public async Task Alert_rules_list_without_credentials_says_how_to_provide_them()
    {
        var result = await VoicectlProcess.RunAsync(NoAzure, "alerts", "list", "-g", "voice-rg", "--subscription", ArmDouble.Subscription);

        Assert.Equal(ExitCodes.Usage, result.ExitCode);
        Assert.Contains("no Azure credentials", result.Error);
        Assert.Contains("AZURE_ACCESS_TOKEN", result.Error);
        Assert.Contains("az login", result.Error);
    }

    [Theory]
    [InlineData(true, ExitCodes.Ok)]
    [InlineData(false, ExitCodes.Failed)]
    public async Task Alert_rules_are_read_from_Resource_Manager_and_a_disabled_or_missing_one_fails(bool complete, int exitCode)
    {
        using var certificates = new TestCertificates();
        var now = DateTimeOffset.UtcNow;
        using var certificate = certificates.Server("localhost", now.AddDays(-1), now.AddDays(30));
        var rules = ExpectedAlertRules.Rules.ToDictionary(r => "voicefn-" + r.Suffix, r => (r.Type, Enabled: true));
        if (!complete)
        {
            rules["voicefn-voice-to-voice-p95"] = (ExpectedAlertRules.LogAlertType, false);
            rules.Remove("voicefn-mediahost-down");
        }
        await using var arm = await ArmDouble.StartAsync(certificate, rules);
        var ca = Path.Combine(Path.GetTempPath(), $"arm-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(ca, certificates.AuthorityPem);
        try
        {
            var environment = new Dictionary<string, string?>(NoAzure)
            {
                ["AZURE_ACCESS_TOKEN"] = ArmDouble.Token,
                ["AZURE_SUBSCRIPTION_ID"] = ArmDouble.Subscription,
                // The child process trusts the test's CA the way OpenSSL-based tools do.
                ["SSL_CERT_FILE"] = ca,
            };

            var result = await VoicectlProcess.RunAsync(environment, "alerts", "list", "-g", ArmDouble.ResourceGroup, "--arm-endpoint", arm.Url.ToString(), "--json");

            Assert.True(result.ExitCode == exitCode, result.ToString());
            var report = OutputSchema.AssertValid("alerts-list", result.Output);
            var byName = report.GetProperty("rules").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
            Assert.Equal(6, byName.Count);
            Assert.Equal(complete, report.GetProperty("ok").GetBoolean());
            Assert.Equal(complete, byName["voicefn-voice-to-voice-p95"].GetProperty("enabled").GetBoolean());
            Assert.Equal(complete, byName["voicefn-mediahost-down"].GetProperty("exists").GetBoolean());
            Assert.Equal("log", byName["voicefn-function-failures"].GetProperty("type").GetString());
        }
        finally
        {
            File.Delete(ca);
        }
    }

    [Fact]
    public void Expected_rules_are_the_ones_infra_alerts_bicep_deploys()
    {
        var bicep = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra", "alerts.bicep"));
        var logAlerts = Regex.Matches(bicep[bicep.IndexOf("var logAlerts", StringComparison.Ordinal)..bicep.IndexOf("resource logAlertRules", StringComparison.Ordinal)],
            @"^\s+name: '([a-z0-9-]+)'", RegexOptions.Multiline).Select(m => (m.Groups[1].Value, ExpectedAlertRules.LogAlertType));
        var metricAlerts = Regex.Matches(bicep, @"'Microsoft\.Insights/metricAlerts@[^']+' = \{\s+name: '\$\{namePrefix\}-([a-z0-9-]+)'")
            .Select(m => (m.Groups[1].Value, ExpectedAlertRules.MetricAlertType));

        Assert.Equal(logAlerts.Concat(metricAlerts).Order(), ExpectedAlertRules.Rules.Select(r => (r.Suffix, r.Type)).Order());
    }
}
