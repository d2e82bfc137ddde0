using System.Text.Json.Nodes;
using VoiceFunctions.Functions.Tests.Infra;

namespace VoiceFunctions.Functions.Tests.Recording;

/// <summary>infra.bicep keeps call recordings in a private container and deletes them after the configured number of days.</summary>
public sealed class RecordingRetentionTemplateTests(CompiledInfraTemplate infra) : IClassFixture<CompiledInfraTemplate>
{
    [SkippableFact]
    public void Recordings_are_deleted_by_a_lifecycle_rule_after_the_retention_days_parameter_and_their_container_is_private()
    {
        var rule = Assert.Single(infra.AllResources(), r => (string?)r["type"] == "Microsoft.Storage/storageAccounts/managementPolicies");
        var definition = rule["properties"]!["policy"]!["rules"]![0]!["definition"]!;
        Assert.Equal("[parameters('recordingRetentionDays')]", (string?)definition["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]);
        Assert.Equal("[format('{0}/', parameters('recordingsContainerName'))]", (string?)definition["filters"]!["prefixMatch"]![0]);

        var container = Assert.Single(infra.AllResources(), r => (string?)r["type"] == "Microsoft.Storage/storageAccounts/blobServices/containers"
            && ((string?)r["name"] ?? "").Contains("recordingsContainerName", StringComparison.Ordinal));
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);

        var retention = (JsonObject)infra.Template["parameters"]!["recordingRetentionDays"]!;
        Assert.Equal(90, (int)retention["defaultValue"]!);
    }
}
