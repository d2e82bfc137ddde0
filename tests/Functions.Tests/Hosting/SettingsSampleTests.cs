using System.Text.Json;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Api;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Timers;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Hosting;

/// <summary>local.settings.sample.json, the options classes and docs/control-plane.md agree.</summary>
public sealed class SettingsSampleTests
{
    private static readonly Dictionary<string, Type> Sections = new()
    {
        ["LiveKit"] = typeof(LiveKitApiOptions),
        ["CallStore"] = typeof(CallStoreOptions),
        ["Calls"] = typeof(CallPolicyOptions),
        ["AgentDispatch"] = typeof(AgentDispatchOptions),
        ["AgentEvents"] = typeof(AgentEventsOptions),
        ["Webhooks"] = typeof(WebhookOptions),
        ["Health"] = typeof(HealthOptions),
        ["Reconciliation"] = typeof(ReconciliationOptions),
        ["Retention"] = typeof(RetentionOptions),
        ["Api"] = typeof(ApiOptions),
    };

    private static IReadOnlyList<string> SampleKeys()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "local.settings.sample.json")));
        return doc.RootElement.GetProperty("Values").EnumerateObject().Select(p => p.Name).ToList();
    }

    [Fact]
    public void Every_sectioned_sample_setting_names_a_real_option()
    {
        foreach (var key in SampleKeys().Where(k => k.Contains("__", StringComparison.Ordinal)))
        {
            var parts = key.Split("__");
            Assert.True(Sections.TryGetValue(parts[0], out var type), $"{key}: unknown section {parts[0]}");
            Assert.True(type!.GetProperty(parts[1]) is not null, $"{key}: {type.Name} has no property {parts[1]}");
        }
    }

    [Fact]
    public void Every_sample_setting_is_described_in_the_control_plane_doc()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "control-plane.md"));
        foreach (var key in SampleKeys())
        {
            var documented = key.StartsWith("Api__Keys__", StringComparison.Ordinal) ? "Api:Keys:<name>" : key.Replace("__", ":", StringComparison.Ordinal);
            Assert.True(doc.Contains('`' + documented, StringComparison.Ordinal) || doc.Contains(documented + '`', StringComparison.Ordinal),
                $"docs/control-plane.md does not describe {documented}");
        }
    }

    [Fact]
    public void Every_option_property_appears_in_the_sample()
    {
        var keys = SampleKeys().ToHashSet();
        foreach (var (section, type) in Sections.Where(s => s.Key is not "Api" and not "LiveKit"))
        {
            foreach (var property in type.GetProperties().Where(p => p.CanWrite))
            {
                Assert.True(keys.Contains($"{section}__{property.Name}"), $"local.settings.sample.json lacks {section}__{property.Name}");
            }
        }
    }
}
