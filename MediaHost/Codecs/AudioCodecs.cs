namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>Creates the codec for a negotiated encoding name (case-insensitive, as SDP compares them).</summary>
public static class AudioCodecs
{
    public static bool IsSupported(string encodingName) => TryCreate(encodingName, out _);

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
