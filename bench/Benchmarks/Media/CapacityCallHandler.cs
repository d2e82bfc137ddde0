using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>
/// The audio loop of the capacity run: answer, then for every 20 ms frame heard do a VAD's worth of work (frame
/// energy and a speech/silence decision with a smoothed threshold) and answer with one frame, so each call decodes,
/// encodes and carries audio both ways like a conversation would. Like a live echo it answers in step with the
/// clock: a frame that was already waiting when the loop asked for it (the loop was held up and fell behind) is
/// heard but not echoed, so the loop does not keep frames queued ahead of the clock from then on.
/// </summary>
/// <param name="echoEveryFrame">Echo every frame even when behind (then frames stay queued ahead of the clock, as a
/// text-to-speech writer's do): shows the queued-ahead wait in the run's figures.</param>
/// <param name="frontEnd">Run the agent's audio front-end on every frame heard, as a phone call's agent does (issue 16):
/// the speexdsp front-end with its default settings, its echo reference the frames this call really sent
/// (<see cref="SentAgentFrames"/>, paired through the jitter buffer's slip) — while the loop echoes, the far end is
/// always active, the front-end's costliest state.</param>
public sealed class CapacityCallHandler(bool echoEveryFrame = false, bool frontEnd = false) : ICallHandler
{
    private long _speechFrames;
    private long _echoesDropped;

    public long SpeechFrames => Interlocked.Read(ref _speechFrames);

    /// <summary>Frames heard but not echoed because the loop had fallen behind the clock.</summary>
    public long EchoesDropped => Interlocked.Read(ref _echoesDropped);

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = session.Ended.ContinueWith(_ => ended.Cancel(), TaskScheduler.Default);
        var frame = new short[AudioFormat.SamplesPerFrame];
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        var noiseFloor = 100.0;
        var reference = frontEnd ? new SentAgentFrames() : null;
        using var cleaner = frontEnd ? new SpeexFrontEnd(new AudioFrontEndOptions()) : null;
        var guard = cleaner is null ? null : new PlayoutSlipGuard(cleaner);
        var hasReference = reference is not null && session.AttachEchoReference(reference);
        long framesRead = 0;
        try
        {
            while (true)
            {
                var read = session.ReadFrameAsync(frame, ended.Token);
                var behind = read.IsCompleted && !echoEveryFrame; // the frame was waiting: its slot's clock tick had come before we asked
                if (!await read.ConfigureAwait(false))
                {
                    break;
                }
                if (guard is not null)
                {
                    var slip = hasReference ? reference!.CopyReference(framesRead, session.CallerFramesQueued, farEnd) : 0;
                    guard.Process(farEnd, frame, slip);
                    framesRead++;
                }
                long energy = 0;
                foreach (var sample in frame)
                {
                    energy += sample * sample;
                }
                var rms = Math.Sqrt(energy / (double)frame.Length);
                var speech = rms > 3 * noiseFloor;
                noiseFloor = speech ? noiseFloor : 0.95 * noiseFloor + 0.05 * Math.Max(rms, 1);
                if (speech)
                {
                    Interlocked.Increment(ref _speechFrames);
                }
                if (behind)
                {
                    Interlocked.Increment(ref _echoesDropped);
                    continue;
                }
                await session.WriteFrameAsync(frame, ended.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // The call ended.
        }
        finally
        {
            if (hasReference)
            {
                session.AttachEchoReference(null);
            }
        }
    }
}
