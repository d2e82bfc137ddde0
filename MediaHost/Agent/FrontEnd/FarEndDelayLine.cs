namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Holds the agent's recent audio so the echo canceller can be given it as late as the echo actually comes back:
/// frame in, the frame of <c>delay</c> samples earlier out. A fixed ring, no allocation.
/// </summary>
internal sealed class FarEndDelayLine
{
    private readonly short[] _ring;
    private long _written;

    public FarEndDelayLine(int maxDelaySamples, int frameSamples)
    {
        _ring = new short[maxDelaySamples + 2 * frameSamples];
    }

    /// <summary>Appends <paramref name="frame"/> and copies into <paramref name="delayed"/> the samples that were
    /// written <paramref name="delaySamples"/> before it (zeros before the call started).</summary>
    public void Push(ReadOnlySpan<short> frame, int delaySamples, Span<short> delayed)
    {
        if (delaySamples < 0 || delaySamples + frame.Length > _ring.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(delaySamples), $"Delay {delaySamples} is outside the line's 0..{_ring.Length - frame.Length} samples");
        }
        for (var i = 0; i < frame.Length; i++)
        {
            _ring[(_written + i) % _ring.Length] = frame[i];
        }
        var start = _written - delaySamples;
        for (var i = 0; i < delayed.Length; i++)
        {
            var index = start + i;
            delayed[i] = index < 0 ? (short)0 : _ring[index % _ring.Length];
        }
        _written += frame.Length;
    }
}
