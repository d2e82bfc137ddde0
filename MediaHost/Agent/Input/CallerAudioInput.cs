using System.Threading.Channels;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The input stage: reads the caller's audio at the media clock's pace, pairs each frame with the agent frame that
/// played in the same 20 ms slot of the call's media clock, however late it reads (the <see cref="PlaybackTracker"/> follows them), runs the audio front-end over both,
/// and hands the cleaned frame to the listener. It never waits for the stages after it: reading late would put the
/// following of played frames out of step with the call, so a full queue drops its oldest frame instead.
/// </summary>
internal sealed class CallerAudioInput(ICallSession call, PlaybackTracker playback, IAudioFrontEnd frontEnd, AudioFramePool pool, TimeProvider time)
{
    /// <summary>Reads until the call ends (or <paramref name="cancellationToken"/> fires), then completes <paramref name="frames"/>.</summary>
    public async Task RunAsync(ChannelWriter<CallerFrame> frames, CancellationToken cancellationToken)
    {
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        var slipGuard = new PlayoutSlipGuard(frontEnd); // the jitter buffer's inserted and skipped frames, kept out of the canceller's way
        // The frames the call really sent are the exact echo reference; a call without a media clock has none.
        var sentFramesReported = call.AttachEchoReference(playback.SentFrames);
        playback.ReferenceFromSentFrames = sentFramesReported;
        try
        {
            while (true)
            {
                var nearEnd = pool.Rent();
                if (!await call.ReadFrameAsync(nearEnd, cancellationToken).ConfigureAwait(false))
                {
                    pool.Return(nearEnd);
                    return;
                }
                var audible = playback.NextSlot(farEnd, call.CallerFramesQueued);
                var cleaned = slipGuard.Process(farEnd, nearEnd, playback.LastPlayoutSlip);
                var frame = new CallerFrame(nearEnd, EnergyVoiceActivityDetector.LevelDbfs(farEnd), audible, cleaned, time.GetTimestamp());
                if (!frames.TryWrite(frame))
                {
                    pool.Return(nearEnd); // the listener has stopped: nothing reads any more
                }
            }
        }
        finally
        {
            if (sentFramesReported)
            {
                call.AttachEchoReference(null);
            }
            frames.TryComplete();
        }
    }
}
