using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Outbound.Amd;

/// <summary>Runs answering-machine detection on an answered call's first audio (the frames it reads are not given to the agent).</summary>
public static class CallAmd
{
    /// <summary>How long <see cref="AmdAction.LeaveMessage"/> waits for a machine's beep.</summary>
    public static readonly TimeSpan MaxBeepWait = TimeSpan.FromSeconds(30);

    /// <summary>The verdict, or null when the call ended first.</summary>
    public static async Task<AmdVerdict?> DetectAsync(ICallSession session, AmdOptions options, CancellationToken cancellationToken)
    {
        var detector = new AnsweringMachineDetector(options, AudioFormat.SampleRate);
        var frame = new short[AudioFormat.SamplesPerFrame];
        while (await session.ReadFrameAsync(frame, cancellationToken).ConfigureAwait(false))
        {
            if (detector.Feed(frame) is { } verdict)
            {
                return verdict;
            }
        }
        return null;
    }

    /// <summary>Reads the call until a beep (true), the call's end or <see cref="MaxBeepWait"/> (false).</summary>
    public static async Task<bool> WaitForBeepAsync(ICallSession session, AmdOptions options, CancellationToken cancellationToken)
    {
        var tone = new ToneDetector(AudioFormat.SampleRate, Math.Max(1, options.BeepMs / 20));
        var frame = new short[AudioFormat.SamplesPerFrame];
        var frames = (int)(MaxBeepWait.TotalMilliseconds / 20);
        for (var i = 0; i < frames && await session.ReadFrameAsync(frame, cancellationToken).ConfigureAwait(false); i++)
        {
            double energy = 0;
            foreach (var sample in frame)
            {
                energy += sample * (double)sample;
            }
            if (tone.Feed(frame, energy / frame.Length))
            {
                return true;
            }
        }
        return false;
    }
}
