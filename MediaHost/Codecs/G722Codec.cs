namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>G.722 at 64 kbit/s (16 kHz audio, RTP clock 8000), with fading-repeat concealment.</summary>
public sealed class G722Codec : IAudioCodec
{
    private readonly G722Encoder _encoder = new();
    private readonly G722Decoder _decoder = new();
    private readonly FadingRepeatConcealer _concealer = new(16000 * 120 / 1000);

    public AudioCodecInfo Info => AudioCodecInfo.G722;

    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload) => _encoder.Encode(pcm, payload);

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        var count = _decoder.Decode(payload, pcm);
        _concealer.Remember(pcm[..count]);
        return count;
    }

    public int Conceal(Span<short> pcm) => _concealer.Conceal(pcm);
}
