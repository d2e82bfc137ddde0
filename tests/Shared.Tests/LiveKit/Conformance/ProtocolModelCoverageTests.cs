using Xunit.Abstractions;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>
/// Our API models and webhook parser against LiveKit's own message definitions (@livekit/protocol): every
/// RPC of the five server services, every field of their requests and responses (recursively), every enum
/// value, and WebhookEvent with what it carries, is modelled or listed in UnsupportedFields.txt with a reason.
/// </summary>
public sealed class ProtocolModelCoverageTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Every_LiveKit_rpc_field_and_enum_value_is_modelled_or_listed_with_a_reason()
    {
        var protocol = await ProtocolDefinitions.LoadAsync();
        var unsupported = UnsupportedFields.Load();

        var api = new ApiModelCoverage(protocol, unsupported).Walk();
        var webhooks = new WebhookCoverage(protocol, unsupported).Walk();

        output.WriteLine($"RPCs:            {api.Rpcs}");
        output.WriteLine($"API fields:      {api.Fields}");
        output.WriteLine($"enum values:     {api.EnumValues}");
        output.WriteLine($"webhook fields:  {webhooks.Fields}");
        var failures = protocol.Problems
            .Concat(new[] { api.Rpcs, api.Fields, api.EnumValues, webhooks.Fields }.SelectMany(r => r.Mismatches.Concat(r.Uncovered.Select(u => "neither modelled nor listed: " + u))))
            .Concat(unsupported.Unused.Select(u => "UnsupportedFields.txt lists what LiveKit does not define or we now model: " + u))
            .ToList();
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }
        Assert.True(failures.Count == 0, $"{failures.Count} conformance failures:\n{string.Join('\n', failures)}");
    }
}
