namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// One direction-pair of a codec for one call: encodes and decodes whole frames at the codec's own
/// sample rate. Stateful (ADPCM and Opus keep history), so each call owns its instance. No method
/// allocates: callers pass the buffers.
/// </summary>
public interface IAudioCodec
{
    AudioCodecInfo Info { get; }

    /// <summary>Encodes one frame of PCM at <see cref="AudioCodecInfo.SampleRate"/>; returns the payload length.</summary>
    int Encode(ReadOnlySpan<short> pcm, Span<byte> payload);

    /// <summary>Decodes one RTP payload; returns the number of samples written.</summary>
    int Decode(ReadOnlySpan<byte> payload, Span<short> pcm);

    /// <summary>
    /// Fills <paramref name="pcm"/> (one frame) with a concealment of a lost packet: the codec's own PLC where it has
    /// one, otherwise a fading repeat of what was last decoded. Returns the number of samples written.
    /// </summary>
    int Conceal(Span<short> pcm);
}
