using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>
/// A turn's providers are reported within the bounds the control plane accepts, so a turn with a very long failure
/// or a long failover chain is still stored (the control plane refuses a turn event beyond them whole).
/// </summary>
public sealed class TurnReportBoundsTests
{
    [Fact]
    public async Task Turn_with_a_long_chain_and_a_long_failure_is_clipped_to_what_the_control_plane_accepts()
    {
        var options = new ControlPlaneOptions { BaseUrl = "http://127.0.0.1:7071", Secret = new string('s', 32) };
        var queue = new CallEventQueue(options);
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
        var chain = Enumerable.Range(1, 30).Select(i => new ProviderUse("llm", "member" + i, i < 30 ? "TimeoutException: " + new string('x', 5_000) : null)).ToList();

        await reporter.ReportAsync(new TurnRecord
        {
            CallId = "sip-call-1", TurnIndex = 1, Trigger = "speech", StartedAt = DateTimeOffset.UnixEpoch, Providers = chain, InputTokens = 10, OutputTokens = 2,
        }, CancellationToken.None);

        Assert.True(queue.Reader.TryRead(out var message));
        var parsed = AgentEventParser.TryParse(AgentEventParser.Serialize(message!), message!.CallId, out var problem);
        Assert.Null(problem);
        var providers = parsed!.Turn!.Providers;
        Assert.Equal(CallTurnProvider.MaxPerTurn, providers.Count);
        Assert.Equal(new CallTurnProvider("llm", "member30"), providers[^1]); // the one that served is kept
        Assert.All(providers.Where(p => !p.Served), p => Assert.Equal(CallTurnProvider.MaxFailureLength, p.Failure!.Length));
        Assert.Equal((10L, 2L), (parsed.Turn.InputTokens, parsed.Turn.OutputTokens));
    }
}
