using Concentus;
using Concentus.Enums;

namespace VoiceFunctions.MediaHost.Codecs;

/// <summary>
/// Opus through Concentus: 48 kHz mono, VoIP tuning, configurable bitrate, in-band FEC on. Lost packets are
/// concealed by Opus's own PLC (decoding an empty payload).
/// </summary>
public sealed class OpusCodec : IAudioCodec
{
    public const int DefaultBitrate = 32_000;

    /// <summary>The largest Opus packet we accept (RFC 6716 allows 1275 bytes per frame).</summary>
    public const int MaxPayloadBytes = 1275;

    private readonly IOpusEncoder _encoder;
    private readonly IOpusDecoder _decoder;

    public OpusCodec(int bitrate = DefaultBitrate)
    {
        if (bitrate is < 6_000 or > 510_000)
        {
            throw new ArgumentOutOfRangeException(nameof(bitrate), bitrate, "Opus bitrate must be between 6000 and 510000 bit/s.");
        }
        _encoder = OpusCodecFactory.CreateEncoder(48_000, 1, OpusApplication.OPUS_APPLICATION_VOIP);
        _encoder.Bitrate = bitrate;
        _encoder.UseInbandFEC = true;
        _encoder.PacketLossPercent = 5;
        _encoder.Complexity = 5;
        _decoder = OpusCodecFactory.CreateDecoder(48_000, 1);
    }

    public AudioCodecInfo Info => AudioCodecInfo.Opus;

    public int Encode(ReadOnlySpan<short> pcm, Span<byte> payload) =>
        _encoder.Encode(pcm, pcm.Length, payload, Math.Min(payload.Length, MaxPayloadBytes));

    public int Decode(ReadOnlySpan<byte> payload, Span<short> pcm) =>
        _decoder.Decode(payload, pcm, pcm.Length, false);

    public int Conceal(Span<short> pcm) =>
        _decoder.Decode(ReadOnlySpan<byte>.Empty, pcm, pcm.Length, false);
}
