using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>
/// The audio loop of the capacity run: answer, then for every 20 ms frame heard do a VAD's worth of work (frame
/// energy and a speech/silence decision with a smoothed threshold) and answer with one frame, so each call decodes,
/// encodes and carries audio both ways like a conversation would.
/// </summary>
public sealed class CapacityCallHandler : ICallHandler
{
    private long _speechFrames;

    public long SpeechFrames => Interlocked.Read(ref _speechFrames);

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _ = session.Ended.ContinueWith(_ => ended.Cancel(), TaskScheduler.Default);
        var frame = new short[AudioFormat.SamplesPerFrame];
        var noiseFloor = 100.0;
        try
        {
            while (await session.ReadFrameAsync(frame, ended.Token).ConfigureAwait(false))
            {
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
                await session.WriteFrameAsync(frame, ended.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or InvalidOperationException)
        {
            // The call ended.
        }
    }
}
