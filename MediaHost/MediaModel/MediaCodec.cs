namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// A codec the media path can carry, as SDP names it (rtpmap encoding name, clock rate, channels).
/// Names compare case-insensitively, as SDP requires.
/// </summary>
/// <param name="Name">Encoding name: "PCMU", "PCMA", "G722", "opus", "telephone-event".</param>
/// <param name="ClockRate">RTP clock rate in Hz (G722 is 8000 on the wire by RFC 3551's historical error).</param>
/// <param name="Channels">Channel count (1 except opus, which SDP always names with 2).</param>
/// <param name="PayloadType">Static payload type (0, 8, 9) or the dynamic one we offer (96-127).</param>
/// <param name="FormatParameters">The a=fmtp value we offer, or null (e.g. "0-16" for telephone-event).</param>
public sealed record MediaCodec(string Name, int ClockRate, int Channels, int PayloadType, string? FormatParameters = null)
{
    public static readonly MediaCodec Pcmu = new("PCMU", 8000, 1, 0);
    public static readonly MediaCodec Pcma = new("PCMA", 8000, 1, 8);
    public static readonly MediaCodec G722 = new("G722", 8000, 1, 9);
    public static readonly MediaCodec Opus = new("opus", 48000, 2, 111, "minptime=10;useinbandfec=1");
    public static readonly MediaCodec TelephoneEvent = new("telephone-event", 8000, 1, 101, "0-16");

    /// <summary>RFC 3389 comfort noise at 8000 Hz (static payload type 13), sent instead of encoded silence when negotiated.</summary>
    public static readonly MediaCodec ComfortNoise = new("CN", 8000, 1, 13);

    /// <summary>True for the RFC 4733 DTMF event "codec", which is negotiated beside the audio codec.</summary>
    public bool IsTelephoneEvent => string.Equals(Name, "telephone-event", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for RFC 3389 comfort noise, which is negotiated beside an audio codec of the same clock rate.</summary>
    public bool IsComfortNoise => string.Equals(Name, "CN", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for the formats negotiated beside the audio codec (DTMF events, comfort noise), never chosen as it.</summary>
    public bool IsAuxiliary => IsTelephoneEvent || IsComfortNoise;

    /// <summary>True when both describe the same encoding (name, clock rate, channels), whatever the payload type.</summary>
    public bool SameEncoding(string name, int clockRate, int channels) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase) && ClockRate == clockRate && Channels == channels;

    /// <summary>"PCMU/8000" or "opus/48000/2": the rtpmap form, also the codec name the call surface reports.</summary>
    public override string ToString() => Channels == 1 ? $"{Name}/{ClockRate}" : $"{Name}/{ClockRate}/{Channels}";
}
