using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.ResourceManager;
using Azure.ResourceManager.Resources;

namespace VoiceFunctions.Cli.Alerts;

/// <summary>
/// Reads a resource group's Azure Monitor alert rules through Azure Resource Manager with the generic-resource
/// client (the typed Monitor package is not served here): the list by type, then each rule's properties
/// (enabled, severity, displayName) at the API versions infra/alerts.bicep deploys them with.
/// </summary>
public sealed class AlertRulesReader(TokenCredential credential, ArmClientOptions? options = null)
{
    private static readonly Dictionary<string, string> ApiVersions = new(StringComparer.OrdinalIgnoreCase)
    {
        [ExpectedAlertRules.LogAlertType] = "2023-12-01",
        [ExpectedAlertRules.MetricAlertType] = "2018-03-01",
    };

    public async Task<AlertListResult> ReadAsync(string subscription, string resourceGroup, string namePrefix, CancellationToken cancellationToken)
    {
        var armOptions = options ?? new ArmClientOptions();
        foreach (var (type, version) in ApiVersions)
        {
            armOptions.SetApiVersion(new ResourceType(type), version);
        }
        var client = new ArmClient(credential, subscription, armOptions);
        var group = client.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(subscription, resourceGroup));
        var filter = string.Join(" or ", ApiVersions.Keys.Select(t => $"resourceType eq '{t}'"));
        var found = new List<AlertRuleResult>();
        await foreach (var resource in group.GetGenericResourcesAsync(filter: filter, cancellationToken: cancellationToken))
        {
            var full = await client.GetGenericResource(resource.Id).GetAsync(cancellationToken);
            found.Add(Describe(full.Value.Data.Name, full.Value.Data.ResourceType.ToString(), full.Value.Data.Properties, namePrefix));
        }
        var missing = ExpectedAlertRules.Rules
            .Where(e => !found.Any(f => string.Equals(f.Name, $"{namePrefix}-{e.Suffix}", StringComparison.OrdinalIgnoreCase)))
            .Select(e => new AlertRuleResult($"{namePrefix}-{e.Suffix}", TypeName(e.Type), false, null, null, null, true));
        var rules = found.OrderBy(r => r.Name, StringComparer.Ordinal).Concat(missing).ToArray();
        var ok = rules.Where(r => r.Expected).All(r => r.Exists && r.Enabled == true);
        return new AlertListResult(subscription, resourceGroup, namePrefix, ok, rules);
    }

    private static AlertRuleResult Describe(string name, string type, BinaryData? properties, string namePrefix)
    {
        bool? enabled = null;
        int? severity = null;
        string? displayName = null;
        if (properties is not null)
        {
            using var document = JsonDocument.Parse(properties);
            var root = document.RootElement;
            enabled = root.TryGetProperty("enabled", out var e) && e.ValueKind is JsonValueKind.True or JsonValueKind.False ? e.GetBoolean() : null;
            severity = root.TryGetProperty("severity", out var s) && s.TryGetInt32(out var n) ? n : null;
            displayName = root.TryGetProperty("displayName", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()
                : root.TryGetProperty("description", out var description) && description.ValueKind == JsonValueKind.String ? description.GetString() : null;
        }
        var expected = ExpectedAlertRules.Rules.Any(r => string.Equals(name, $"{namePrefix}-{r.Suffix}", StringComparison.OrdinalIgnoreCase));
        return new AlertRuleResult(name, TypeName(type), true, enabled, severity, displayName, expected);
    }

    private static string TypeName(string type) =>
        string.Equals(type, ExpectedAlertRules.MetricAlertType, StringComparison.OrdinalIgnoreCase) ? "metric" : "log";
}
