namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// Packet-loss concealment for codecs without their own (G.711, G.722): the first lost frame repeats the last
/// good one, fading out, so a single loss is barely audible; after <see cref="FadeFrames"/> frames only silence
/// remains, because repeating a stale sound longer is worse than a gap.
/// </summary>
public sealed class FadingRepeatConcealer
{
    public const int FadeFrames = 3;

    private readonly short[] _lastFrame;
    private int _lastLength;
    private int _concealedInARow;

    public FadingRepeatConcealer(int maxFrameSamples)
    {
        _lastFrame = new short[maxFrameSamples];
    }

    /// <summary>Remembers a decoded frame as the source of the next concealment.</summary>
    public void Remember(ReadOnlySpan<short> decoded)
    {
        var length = Math.Min(decoded.Length, _lastFrame.Length);
        decoded[..length].CopyTo(_lastFrame);
        _lastLength = length;
        _concealedInARow = 0;
    }

    /// <summary>Writes one concealed frame: the last frame under a linear fade that reaches zero after FadeFrames.</summary>
    public int Conceal(Span<short> pcm)
    {
        var total = FadeFrames * pcm.Length;
        var start = _concealedInARow * pcm.Length;
        _concealedInARow++;
        if (_lastLength == 0 || start >= total)
        {
            pcm.Clear();
            return pcm.Length;
        }
        for (var i = 0; i < pcm.Length; i++)
        {
            var gain = (float)(total - start - i) / total;
            var source = _lastFrame[i % _lastLength];
            pcm[i] = (short)(source * gain);
        }
        return pcm.Length;
    }
}
