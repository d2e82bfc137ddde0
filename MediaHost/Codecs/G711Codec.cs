namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>G.711 µ-law (PCMU) or A-law (PCMA) at 8 kHz, with fading-repeat concealment.</summary>
public sealed class G711Codec : IAudioCodec
{
    private readonly bool _muLaw;
    private readonly FadingRepeatConcealer _concealer = new(8000 * 120 / 1000);

    private G711Codec(bool muLaw)
    {
        _muLaw = muLaw;
        Info = muLaw ? AudioCodecInfo.Pcmu : AudioCodecInfo.Pcma;
    }

    public static G711Codec CreateMuLaw() => new(muLaw: true);

    public static G711Codec CreateALaw() => new(muLaw: false);

    public AudioCodecInfo Info { get; }

    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload) =>
        _muLaw ? MuLaw.Encode(pcm, payload) : ALaw.Encode(pcm, payload);

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm)
    {
        var count = _muLaw ? MuLaw.Decode(payload, pcm) : ALaw.Decode(payload, pcm);
        _concealer.Remember(pcm[..count]);
        return count;
    }

    public int Conceal(Span<short> pcm) => _concealer.Conceal(pcm);
}
