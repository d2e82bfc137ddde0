using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The last few frames heard outside the caller's turns, so that recognition also hears the onset of the first word
/// (the VAD confirms speech a frame or two after it began). A ring of whole frames; no allocation after construction.
/// </summary>
internal sealed class PreRollBuffer(int frames)
{
    public const int DefaultFrames = 10; // 200 ms

    private readonly short[] _samples = new short[frames * AudioFormat.SamplesPerFrame];
    private int _oldest;

    public int Count { get; private set; }

    public void Push(ReadOnlySpan<short> frame)
    {
        var slot = Count < frames ? (_oldest + Count++) % frames : _oldest++ % frames;
        _oldest %= frames;
        frame[..AudioFormat.SamplesPerFrame].CopyTo(_samples.AsSpan(slot * AudioFormat.SamplesPerFrame));
    }

    /// <summary>The <paramref name="index"/>-th frame held, oldest first.</summary>
    public ReadOnlySpan<short> Frame(int index) =>
        _samples.AsSpan((_oldest + index) % frames * AudioFormat.SamplesPerFrame, AudioFormat.SamplesPerFrame);
}
