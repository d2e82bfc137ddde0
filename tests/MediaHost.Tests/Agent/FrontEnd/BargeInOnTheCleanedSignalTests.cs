using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.Benchmarks.FrontEnd;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Tests.Agent.Vad;
using VoiceFunctions.TestSupport.LineSimulation;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

/// <summary>
/// The session's own listening decisions (Silero VAD, echo guard, endpointer, barge-in detector) on simulated lines
/// through the real speexdsp front-end (<see cref="BargeInLineScenario"/>): barge-in is decided on the cleaned signal
/// against what the canceller left of the echo, so a caller below the echo's level still stops the agent, and the
/// echo alone never does. Frame by frame in process: deterministic, not real time.
/// </summary>
public sealed class BargeInOnTheCleanedSignalTests(ITestOutputHelper output)
{
    [SkippableTheory]
    [InlineData(60, 6)]
    [InlineData(300, 3)]
    public void A_caller_12_dB_below_the_echo_stops_the_agent(int delayMs, double echoReturnLossDb)
    {
        var result = Run(new BargeInLineCase(delayMs, echoReturnLossDb, CallerRelativeToEchoDb: -12));

        Assert.NotNull(result.BargeInAfterMs);
        Assert.InRange(result.BargeInAfterMs!.Value, 0, 1_000);
        Assert.Equal(0, result.FalseTurns);
    }

    [SkippableTheory]
    [InlineData(20, 3)]
    [InlineData(150, 3)]
    [InlineData(300, 6)]
    public void The_agents_own_echo_neither_interrupts_it_nor_starts_a_turn(int delayMs, double echoReturnLossDb)
    {
        var result = Run(new BargeInLineCase(delayMs, echoReturnLossDb, CallerRelativeToEchoDb: null, NoiseSnrDb: 10));

        Assert.Equal(0, result.FalseBargeIns);
        Assert.Equal(0, result.FalseTurns);
        Assert.True(result.AgentSpeechSeconds >= 9, "the agent should have talked to the end");
    }

    private BargeInLineResult Run(BargeInLineCase line)
    {
        SpeechSamples.RequireTools();
        using var vads = new SileroVadFactory(new SileroVadOptions { ModelPath = SileroVoiceActivityDetectorTests.ModelPath() }, new VadOptions(), NullLogger<SileroVadFactory>.Instance);
        using var frontEnd = new SpeexFrontEnd(new AudioFrontEndOptions());
        var vad = vads.Create();
        Assert.IsType<SileroVoiceActivityDetector>(vad);
        var result = BargeInLineScenario.Run(line, frontEnd, vad);
        ((IDisposable)vad).Dispose();
        output.WriteLine(result.ToString());
        return result;
    }
}
