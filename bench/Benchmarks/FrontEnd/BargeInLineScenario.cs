using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.TestSupport.LineSimulation;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>One simulated call: the echo path, the caller's level against the echo (null: the caller stays silent),
/// optional noise (pink, white with <paramref name="White"/>, or babble of six espeak-ng voices) at <paramref name="NoiseSnrDb"/>
/// below a −26 dBFS caller, and
/// optionally a new echo path (delay <paramref name="ChangedDelayMs"/>, new dispersion) from 6 s into the call.
/// <paramref name="NoiseSeed"/> and <paramref name="AgentOffsetMs"/> (where in its looped text the agent starts) make
/// calls of the same line differ, for long runs (the "soak"). <paramref name="Playout"/> puts a jitter buffer that
/// changes its depth between the line and the front-end (<see cref="PlayoutDisturbance"/>).</summary>
public sealed record BargeInLineCase(int EchoDelayMs, double EchoReturnLossDb, double? CallerRelativeToEchoDb, double? NoiseSnrDb = null,
    double ClipFraction = 0.8, bool Babble = false, int? ChangedDelayMs = null, bool White = false, int NoiseSeed = 7, int AgentOffsetMs = 0,
    PlayoutDisturbance Playout = PlayoutDisturbance.None);

/// <summary>A jitter buffer between the line and the front-end that changes its depth as a loaded RTP call's did
/// (session 7): concealed frames inserted at 1.5, 2.0, 2.6 and 3.2 s (80 ms deeper, the last as the caller starts),
/// packets skipped at 5 and 6 s, another frame inserted at 8 s. <see cref="Followed"/>: the echo reference is paired
/// through the buffer's slip as the MediaHost does (<c>SentAgentFrames</c>); <see cref="Ignored"/>: paired slot by
/// slot as before, so the echo's delay seen by the canceller moves with the depth.</summary>
public enum PlayoutDisturbance { None, Followed, Ignored }

/// <summary>Pause-at-onset: the agent's output is held (silence on the wire, its place kept) from the first caller speech
/// frame while it talks; the barge-in's confirmation then cancels the turn, and without one within
/// <paramref name="ResumeAfterMs"/> (or when the endpointer discards the sound) it carries on where it paused.</summary>
public sealed record OnsetPause(int ResumeAfterMs);

/// <summary>What the agent's listening decisions did on one simulated call: barge-ins while the caller was silent
/// (false), turns started on the echo (false turns), and — when the caller spoke — how long after the caller's first
/// word the barge-in was decided (null: missed).
/// With <see cref="OnsetPause"/>: <paramref name="FalsePauses"/> pauses while the caller was silent (and their
/// <paramref name="FalsePausedMs"/>), and <paramref name="SilentAfterMs"/>, the caller's start → the agent's last frame
/// on the wire (the pause that the barge-in then confirmed, or the barge-in itself).</summary>
public sealed record BargeInLineResult(BargeInLineCase Case, int FalseBargeIns, int FalseTurns, double? BargeInAfterMs, double AgentSpeechSeconds,
    int FalsePauses = 0, double FalsePausedMs = 0, double? SilentAfterMs = null);

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
    public static BargeInLineResult Run(BargeInLineCase line, IAudioFrontEnd frontEnd, IVoiceActivityDetector vad, AiLoopOptions? options = null, OnsetPause? pause = null)
    {
        options ??= new AiLoopOptions { Language = "en-US" };
        var total = (int)(CallSeconds * FramesPerSecond) * Frame;
        var offset = line.AgentOffsetMs * (FrontEndScenario.SamplesPerSecond / 1000);
        var agentSamples = (int)(AgentSeconds * FrontEndScenario.SamplesPerSecond);
        var agent = SignalLevels.Place(SpeechSamples.Fill(SignalLevels.ScaleTo(SpeechSamples.Speak(SpeechSamples.AgentText), AgentDbfs), agentSamples + offset).AsSpan(offset).ToArray(), 0, total);
        var callerStartFrame = (int)(CallerStartSeconds * FramesPerSecond);
        var caller = line.CallerRelativeToEchoDb is { } relative
            ? SignalLevels.Place(SignalLevels.ScaleTo(SpeechSamples.Speak(SpeechSamples.CallerText, "en-gb"), AgentDbfs - line.EchoReturnLossDb + relative), callerStartFrame * Frame, total)
            : null;
        var noise = line.NoiseSnrDb is { } snr ? SignalLevels.ScaleTo(line.Babble ? SpeechSamples.Babble(total) : line.White ? Noise.White(total, line.NoiseSeed) : Noise.Pink(total, line.NoiseSeed), -26 - snr) : null;
        var changeFrame = line.ChangedDelayMs is null ? -1 : 6 * FramesPerSecond;

        var simulator = new LineSimulator(new EchoPathSettings(line.EchoDelayMs, line.EchoReturnLossDb, line.ClipFraction));
        var callerStartTick = -1;
        var lineOut = new short[total]; // the caller's side as the line delivered it, before the jitter buffer
        var sentAll = new short[total]; // what the agent sent, slot by slot
        var reference = new short[Frame];
        var slip = 0;
        var slipGuard = new PlayoutSlipGuard(frontEnd);
        var slipChange = 0;
        var speech = new SpeechDetector(vad, new EchoGuard(options.BargeIn.EchoMarginDb), new Endpointer(options.EndpointingFor(options.Language), options.Language));
        var bargeIn = BargeInDetector.For(options.BargeIn);
        var sent = new short[Frame];
        var received = new short[Frame];
        var inTurn = false;
        var agentStopped = false;
        int falseBargeIns = 0, falseTurns = 0, agentFrames = 0, falsePauses = 0, falsePausedFrames = 0;
        double? bargeInAfterMs = null, silentAfterMs = null;
        var agentEndFrame = (int)(AgentSeconds * FramesPerSecond);
        var pausedAt = -1; // the frame the agent's output was paused on, -1 while it plays
        var resumeFrames = pause is null ? 0 : Math.Max(1, pause.ResumeAfterMs / 20);
        for (var f = 0; f < total / Frame; f++)
        {
            var agentTalking = !agentStopped && agentFrames < agentEndFrame;
            var agentSends = agentTalking && pausedAt < 0;
            if (agentSends)
            {
                agent.AsSpan(agentFrames * Frame, Frame).CopyTo(sent);
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
            simulator.Process(sent, Slice(caller, f), Slice(noise, f), lineOut.AsSpan(f * Frame, Frame));
            sent.CopyTo(sentAll, f * Frame);
            if (line.Playout == PlayoutDisturbance.None)
            {
                lineOut.AsSpan(f * Frame, Frame).CopyTo(received);
                sent.CopyTo(reference, 0);
            }
            else
            {
                slipChange = PlayOut(f, ref slip, lineOut, received);
                sentAll.AsSpan((line.Playout == PlayoutDisturbance.Followed ? f - slip : f) * Frame, Frame).CopyTo(reference);
            }
            var cleaned = line.Playout == PlayoutDisturbance.Ignored
                ? frontEnd.Process(reference, received)
                : slipGuard.Process(reference, received, slipChange);
            var frame = new CallerFrame(received, EnergyVoiceActivityDetector.LevelDbfs(reference), agentSends, cleaned, 0);
            var step = speech.OnFrame(frame, null);
            if (caller is not null && callerStartTick < 0 && f - slip >= callerStartFrame)
            {
                callerStartTick = f; // the caller's first frame played (later than the line carried it when the buffer deepened)
            }
            var callerSpeaking = callerStartTick >= 0;
            if (step.Endpoint is EndpointEvent.SpeechStarted or EndpointEvent.TurnConfirmed && !inTurn)
            {
                inTurn = true;
                bargeIn.TurnStarted();
            }
            if (step.Endpoint == EndpointEvent.TurnConfirmed && !callerSpeaking)
            {
                falseTurns++;
            }
            if (pause is not null && agentTalking && pausedAt < 0 && step.IsSpeech && !bargeIn.BargedIn)
            {
                pausedAt = f;
                falsePauses += callerSpeaking ? 0 : 1;
            }
            if (inTurn && bargeIn.OnFrame(step.IsSpeech, agentTalking))
            {
                if (callerSpeaking)
                {
                    bargeInAfterMs ??= (f - callerStartTick) * 20.0;
                    silentAfterMs ??= (Math.Max(pausedAt >= 0 ? pausedAt : f, callerStartTick) - callerStartTick) * 20.0;
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
            if (pausedAt >= 0 && !agentStopped)
            {
                falsePausedFrames += callerSpeaking ? 0 : 1;
                if (step.Endpoint is EndpointEvent.SpeechDiscarded || f - pausedAt + 1 >= resumeFrames)
                {
                    pausedAt = -1; // not confirmed: the agent carries on where it paused
                }
            }
        }
        return new BargeInLineResult(line, falseBargeIns, falseTurns, bargeInAfterMs, agentFrames / (double)FramesPerSecond, falsePauses, falsePausedFrames * 20.0, silentAfterMs);
    }

    // Ticks (20 ms) where the jitter buffer inserts a concealed frame (+1) or skips a packet (−1).
    private static int DepthChangeAt(int tick) => tick switch
    {
        75 or 100 or 130 or 160 or 400 => 1,
        250 or 300 => -1,
        _ => 0,
    };

    /// <summary>The jitter buffer's frame for tick <paramref name="tick"/>: the line's frame <c>tick − slip</c>, or a
    /// concealed one (the last frame played at half its level, as a codec's concealment fades) when it deepens.</summary>
    private static int PlayOut(int tick, ref int slip, short[] lineOut, short[] played)
    {
        switch (DepthChangeAt(tick))
        {
            case 1:
                slip++;
                for (var i = 0; i < played.Length; i++)
                {
                    played[i] = (short)(played[i] / 2);
                }
                return 1;
            case -1 when slip > 0:
                slip--;
                lineOut.AsSpan((tick - slip) * Frame, Frame).CopyTo(played);
                return -1;
        }
        lineOut.AsSpan((tick - slip) * Frame, Frame).CopyTo(played);
        return 0;
    }

    private static ReadOnlySpan<short> Slice(short[]? signal, int frame) => signal is null ? default : signal.AsSpan(frame * Frame, Frame);
}
