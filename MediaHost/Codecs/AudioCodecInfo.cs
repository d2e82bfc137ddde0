namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// What SDP and RTP need to know of a codec. <paramref name="ClockRate"/> is the RTP timestamp rate, which is
/// not always the audio rate: G.722 samples at 16 kHz but its RTP clock is 8000 (RFC 3551, a historical error kept
/// for interoperability).
/// </summary>
/// <param name="EncodingName">The SDP encoding name (rtpmap), e.g. "PCMU", "G722", "opus".</param>
/// <param name="ClockRate">RTP timestamp units per second.</param>
/// <param name="SampleRate">The PCM rate the codec encodes from and decodes to.</param>
/// <param name="Channels">The rtpmap channel count (Opus always advertises 2, RFC 7587).</param>
/// <param name="StaticPayloadType">The RFC 3551 static payload type, or null for a dynamic one.</param>
public sealed record AudioCodecInfo(string EncodingName, int ClockRate, int SampleRate, int Channels, int? StaticPayloadType)
{
    public static readonly AudioCodecInfo Pcmu = new("PCMU", 8000, 8000, 1, 0);
    public static readonly AudioCodecInfo Pcma = new("PCMA", 8000, 8000, 1, 8);
    public static readonly AudioCodecInfo G722 = new("G722", 8000, 16000, 1, 9);
    public static readonly AudioCodecInfo Opus = new("opus", 48000, 48000, 2, null);

    /// <summary>PCM samples in one frame of <paramref name="milliseconds"/>.</summary>
    public int SamplesPerFrame(int milliseconds) => SampleRate * milliseconds / 1000;

    /// <summary>RTP timestamp units in one frame of <paramref name="milliseconds"/>.</summary>
    public int TimestampUnitsPerFrame(int milliseconds) => ClockRate * milliseconds / 1000;
}
