using VoiceFunctions.Benchmarks.FrontEnd;
using VoiceFunctions.TestSupport.LineSimulation;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

/// <summary>
/// The agent on a real RTP call (loopback) whose far end returns the agent's own voice as line echo
/// (<see cref="LineEchoRtpPeer"/>, a peer written for these tests): it must not interrupt itself on its echo, and it
/// must stop when the caller really speaks. Real time, so in the measurement collection. A caller at or below the
/// echo's level is still missed in some RTP calls on a loaded machine (bench/results/frontend.md, session 4): when the
/// canceller has not converged by the time the caller speaks, the residual it reports is near the echo's own level.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class BargeInOverRtpTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Over_rtp_the_agents_own_echo_6_dB_down_and_240_ms_late_does_not_interrupt_it()
    {
        SpeechSamples.RequireTools();

        var result = await RtpBargeInScenario.RunAsync(new RtpBargeInCase(EchoDelayMs: 240, EchoReturnLossDb: 6, CallerRelativeToEchoDb: null), reflector: true);

        output.WriteLine(result.ToString());
        Assert.True(result.AgentSpeechSeconds > 5, $"the greeting should have played ({result.AgentSpeechSeconds:F1} s of agent audio arrived)");
        Assert.False(result.GreetingInterrupted, "the agent cut its greeting short on its own echo");
        // Not asserted: a turn started by the echo's tail after the greeting ended. One CI run in about five saw one
        // (FalseBargeIns = 1 in 12 s): with the jitter buffer and the peer's delay the tail can arrive after the echo
        // guard's 400 ms window. That is issue 16's open false-barge-in figure, measured by bench frontend-bargein-rtp.
        output.WriteLine($"turns started on the echo (not asserted): {result.FalseBargeIns}");
    }

    [SkippableFact]
    public async Task Over_rtp_a_caller_12_dB_above_the_echo_stops_the_agent_on_the_wire()
    {
        SpeechSamples.RequireTools();

        var result = await RtpBargeInScenario.RunAsync(new RtpBargeInCase(EchoDelayMs: 140, EchoReturnLossDb: 6, CallerRelativeToEchoDb: 12), reflector: true);

        output.WriteLine(result.ToString());
        Assert.True(result.GreetingInterrupted, "the caller spoke over the greeting and the agent did not stop");
        // Confirmation (200 ms) + jitter buffer + the peer's 20 ms slots; 1 s leaves room for a loaded CI machine.
        Assert.InRange(result.SilentOnTheWireMs ?? double.MaxValue, 0, 1_000);
    }
}
