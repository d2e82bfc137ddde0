using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.TestSupport.LineSimulation;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>One simulated call: the echo path, the caller's level against the echo (null: the caller stays silent),
/// optional noise (pink, white with <paramref name="White"/>, or babble of six espeak-ng voices) at <paramref name="NoiseSnrDb"/>
/// below a −26 dBFS caller, and
/// optionally a new echo path (delay <paramref name="ChangedDelayMs"/>, new dispersion) from 6 s into the call.</summary>
public sealed record BargeInLineCase(int EchoDelayMs, double EchoReturnLossDb, double? CallerRelativeToEchoDb, double? NoiseSnrDb = null,
    double ClipFraction = 0.8, bool Babble = false, int? ChangedDelayMs = null, bool White = false);

/// <summary>What the agent's listening decisions did on one simulated call: barge-ins while the caller was silent
/// (false), turns started on the echo (false turns), and — when the caller spoke — how long after the caller's first
/// word the barge-in was decided (null: missed).</summary>
public sealed record BargeInLineResult(BargeInLineCase Case, int FalseBargeIns, int FalseTurns, double? BargeInAfterMs, double AgentSpeechSeconds);

/// <summary>
/// The agent's listening decisions on a simulated line, in process and deterministic: frame by frame the agent's
/// espeak-ng speech (−19 dBFS) goes through <see cref="LineSimulator"/> (echo, the caller's espeak-ng voice 3 s in,
/// noise), the real front-end (speexdsp) cleans it against the frame the agent sent, and the session's own
/// <see cref="SpeechDetector"/> (the model VAD, the echo guard, the endpointer) and <see cref="BargeInDetector"/> judge
/// it, as <see cref="CallerListener"/> does. On a barge-in the agent stops sending, so the echo stops too. Shared by the
/// tests (which assert on it) and the bench (frontend-bargein, which records it).
/// </summary>
public static class BargeInLineScenario
{
    private const int Frame = FrontEndScenario.FrameSamples;
    private const int FramesPerSecond = FrontEndScenario.SamplesPerSecond / Frame;
    private const double AgentDbfs = -19;
    private const double CallerStartSeconds = 3;
    private const double AgentSeconds = 10;
    private const double CallSeconds = 13; // 3 s after the agent stops: the echo's tail has time to start a turn

    /// <summary>Runs one call. <paramref name="frontEnd"/> and <paramref name="vad"/> are the call's own (disposed by the caller).</summary>
    public static BargeInLineResult Run(BargeInLineCase line, IAudioFrontEnd frontEnd, IVoiceActivityDetector vad, AiLoopOptions? options = null)
    {
        options ??= new AiLoopOptions { Language = "en-US" };
        var total = (int)(CallSeconds * FramesPerSecond) * Frame;
        var agent = SignalLevels.Place(SpeechSamples.Fill(SignalLevels.ScaleTo(SpeechSamples.Speak(SpeechSamples.AgentText), AgentDbfs), (int)(AgentSeconds * FrontEndScenario.SamplesPerSecond)), 0, total);
        var callerStartFrame = (int)(CallerStartSeconds * FramesPerSecond);
        var caller = line.CallerRelativeToEchoDb is { } relative
            ? SignalLevels.Place(SignalLevels.ScaleTo(SpeechSamples.Speak(SpeechSamples.CallerText, "en-gb"), AgentDbfs - line.EchoReturnLossDb + relative), callerStartFrame * Frame, total)
            : null;
        var noise = line.NoiseSnrDb is { } snr ? SignalLevels.ScaleTo(line.Babble ? SpeechSamples.Babble(total) : line.White ? Noise.White(total, seed: 7) : Noise.Pink(total, seed: 7), -26 - snr) : null;
        var changeFrame = line.ChangedDelayMs is null ? -1 : 6 * FramesPerSecond;

        var simulator = new LineSimulator(new EchoPathSettings(line.EchoDelayMs, line.EchoReturnLossDb, line.ClipFraction));
        var speech = new SpeechDetector(vad, new EchoGuard(options.BargeIn.EchoMarginDb), new Endpointer(options.EndpointingFor(options.Language), options.Language));
        var bargeIn = BargeInDetector.For(options.BargeIn);
        var sent = new short[Frame];
        var received = new short[Frame];
        var inTurn = false;
        var agentStopped = false;
        int falseBargeIns = 0, falseTurns = 0, agentFrames = 0;
        double? bargeInAfterMs = null;
        var agentEndFrame = (int)(AgentSeconds * FramesPerSecond);
        for (var f = 0; f < total / Frame; f++)
        {
            var agentTalking = !agentStopped && f < agentEndFrame;
            if (agentTalking)
            {
                agent.AsSpan(f * Frame, Frame).CopyTo(sent);
                agentFrames++;
            }
            else
            {
                Array.Clear(sent);
            }
            if (f == changeFrame)
            {
                simulator.ChangePath(new EchoPathSettings(line.ChangedDelayMs!.Value, line.EchoReturnLossDb, line.ClipFraction, DispersionSeed: 2));
            }
            simulator.Process(sent, Slice(caller, f), Slice(noise, f), received);
            var cleaned = frontEnd.Process(sent, received);
            var frame = new CallerFrame(received, EnergyVoiceActivityDetector.LevelDbfs(sent), agentTalking, cleaned, 0);
            var step = speech.OnFrame(frame, null);
            var callerSpeaking = caller is not null && f >= callerStartFrame;
            if (step.Endpoint is EndpointEvent.SpeechStarted or EndpointEvent.TurnConfirmed && !inTurn)
            {
                inTurn = true;
                bargeIn.TurnStarted();
            }
            if (step.Endpoint == EndpointEvent.TurnConfirmed && !callerSpeaking)
            {
                falseTurns++;
            }
            if (inTurn && bargeIn.OnFrame(step.IsSpeech, agentTalking))
            {
                if (callerSpeaking)
                {
                    bargeInAfterMs ??= (f - callerStartFrame) * 20.0;
                    agentStopped = true;
                }
                else
                {
                    falseBargeIns++;
                }
            }
            if (step.Endpoint is EndpointEvent.SpeechDiscarded or EndpointEvent.TurnEndedBySilence or EndpointEvent.TurnEndedByMaxLength)
            {
                inTurn = false;
            }
        }
        return new BargeInLineResult(line, falseBargeIns, falseTurns, bargeInAfterMs, agentFrames / (double)FramesPerSecond);
    }

    private static ReadOnlySpan<short> Slice(short[]? signal, int frame) => signal is null ? default : signal.AsSpan(frame * Frame, Frame);
}
