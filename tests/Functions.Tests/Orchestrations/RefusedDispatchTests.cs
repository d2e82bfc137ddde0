using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using static VoiceFunctions.Functions.Tests.Support.CallOrchestrationHarness;

namespace VoiceFunctions.Functions.Tests.Orchestrations;

/// <summary>A call whose every dispatch is refused is recorded with the refusal, not only as "the agent did not answer".</summary>
public sealed class RefusedDispatchTests
{
    [SkippableFact]
    public async Task Call_whose_every_dispatch_is_refused_is_recorded_agent_unavailable_with_the_refusal_as_its_reason()
    {
        await using var h = await StartAsync(new ScriptedAgentDispatcher().FailPermanently(2));
        var id = await h.StartAsync(NewCall("refused", FastSettings));

        var result = await h.WaitForResultAsync(id);

        Assert.Equal((CallOutcome.AgentUnavailable, CallEndReason.AgentUnavailable), (result.Outcome, result.EndReason));
        Assert.Contains("the last dispatch failed: outbound trunk ST_missing not found", result.ReasonText, StringComparison.Ordinal);
        var record = (await h.Store.GetAsync(id))!;
        Assert.Contains("outbound trunk ST_missing not found", record.ReasonText, StringComparison.Ordinal);
    }
}
