namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>Creates the codec for a negotiated encoding name (case-insensitive, as SDP compares them).</summary>
public static class AudioCodecs
{
    public static bool IsSupported(string encodingName) => TryCreate(encodingName, out _);

    /// <summary>
    /// The audio rate a negotiated codec carries (8 000 for G.711, 16 000 for G.722, 48 000 for Opus), or 0 when unknown.
    /// Takes the encoding name or the codec as a call describes it ("G722/8000": the RTP clock, not the audio rate).
    /// </summary>
    public static int AudioRateOf(string codec) => codec.Split('/')[0].ToUpperInvariant() switch
    {
        "PCMU" or "PCMA" => 8_000,
        "G722" => 16_000,
        "OPUS" => 48_000,
        _ => 0,
    };

    public static bool TryCreate(string encodingName, out IAudioCodec codec, int opusBitrate = OpusCodec.DefaultBitrate)
    {
        codec = encodingName.ToUpperInvariant() switch
        {
            "PCMU" => G711Codec.CreateMuLaw(),
            "PCMA" => G711Codec.CreateALaw(),
            "G722" => new G722Codec(),
            "OPUS" => new OpusCodec(opusBitrate),
            _ => null!,
        };
        return codec is not null;
    }
}
