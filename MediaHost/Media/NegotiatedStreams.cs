using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The negotiated media of one call turned into what carries it: the receive half (<see cref="InboundMedia"/>), the
/// send half (<see cref="OutboundMedia"/>) and the SRTP context. A renegotiation that keeps the codec keeps both halves
/// (their jitter buffer, counters and sequence), and kept SDES keys keep their SRTP state. Not thread-safe: the
/// session calls it under its lock.
/// </summary>
internal sealed class NegotiatedStreams
{
    private readonly RtpOptions _options;
    private readonly uint _ssrc;
    private readonly ushort _firstSequence;
    private readonly uint _firstTimestamp;
    private readonly LatenessHistogram? _arrivalToDecoded;
    private readonly Action<DtmfDigit> _digitReceived;

    public NegotiatedStreams(RtpOptions options, uint ssrc, ushort firstSequence, uint firstTimestamp, LatenessHistogram? arrivalToDecoded, Action<DtmfDigit> digitReceived)
    {
        _options = options;
        _ssrc = ssrc;
        _firstSequence = firstSequence;
        _firstTimestamp = firstTimestamp;
        _arrivalToDecoded = arrivalToDecoded;
        _digitReceived = digitReceived;
    }

    /// <summary>Our SSRC: kept for the whole call, across codec changes.</summary>
    public uint Ssrc => _ssrc;

    /// <summary>What was last negotiated (null before the media started).</summary>
    public NegotiatedMedia? Media { get; private set; }

    public InboundMedia? In { get; private set; }

    public OutboundMedia? Out { get; private set; }

    /// <summary>The SRTP context of the current SDES keys; null on a plain RTP call.</summary>
    public SrtpSession? Srtp { get; private set; }

    /// <summary>
    /// Builds the codec halves for <paramref name="media"/>, keeping them when only the address or direction changed.
    /// Returns whether the peer's signalled address is new (the first time, or a renegotiation that moved it).
    /// </summary>
    public bool Apply(NegotiatedMedia media)
    {
        var previousMedia = Media;
        if (CodecChanged(previousMedia, media))
        {
            BuildHalves(media);
        }
        if (Srtp is null ? media.Encryption is not null : !Srtp.Keys.HasSameKeys(media.Encryption))
        {
            // New SDES keys (RFC 4568 section 7.1.4): a new SRTP context in both directions; kept keys keep their rollover and replay state.
            Srtp?.Dispose();
            Srtp = media.Encryption is null ? null : new SrtpSession(media.Encryption);
        }
        Media = media;
        return previousMedia is null || !Equals(previousMedia.RemoteEndpoint, media.RemoteEndpoint);
    }

    /// <summary>Frees the keys' native cipher state at the end of the call; its counters stay readable (the stopped session ignores late datagrams).</summary>
    public void DisposeSrtp() => Srtp?.Dispose();

    private static bool CodecChanged(NegotiatedMedia? before, NegotiatedMedia media) =>
        before is null
        || !before.Codec.SameEncoding(media.Codec.Name, media.Codec.ClockRate, media.Codec.Channels)
        || before.PayloadType != media.PayloadType
        || before.TelephoneEventPayloadType != media.TelephoneEventPayloadType
        || before.ComfortNoisePayloadType != media.ComfortNoisePayloadType
        || before.PacketTimeMs != media.PacketTimeMs;

    private void BuildHalves(NegotiatedMedia media)
    {
        var ptime = media.PacketTimeMs is 10 or 20 or 30 or 40 or 60 ? media.PacketTimeMs : AudioFormat.FrameMilliseconds;
        if (!AudioCodecs.TryCreate(media.Codec.Name, out var decoder, _options.OpusBitrate)
            || !AudioCodecs.TryCreate(media.Codec.Name, out var encoder, _options.OpusBitrate))
        {
            throw new NotSupportedException($"The media path cannot carry the negotiated codec {media.Codec}.");
        }
        In = new InboundMedia(decoder, media.PayloadType, media.TelephoneEventPayloadType, ptime, _options.JitterBuffer, media.ComfortNoisePayloadType)
        {
            DigitReceived = _digitReceived,
            ArrivalToDecoded = _arrivalToDecoded,
        };
        var previous = Out;
        var sequence = previous?.NextSequence ?? _firstSequence;
        // A codec change keeps our SSRC and sequence; the timestamp jumps ahead (the marker bit flags the new spurt).
        var timestamp = previous is null ? _firstTimestamp : previous.LastTimestamp + (uint)(previous.ClockRate / 10);
        // We send at least one 20 ms frame per packet: the clock makes one packet per frame, and a receiver takes any
        // packet length up to 200 ms (RFC 3551 4.5), so a peer's ptime of 10 shapes what we accept, not what we send.
        var sendPtime = Math.Max(ptime, AudioFormat.FrameMilliseconds);
        Out = new OutboundMedia(encoder, media.PayloadType, media.TelephoneEventPayloadType, sendPtime, _ssrc, sequence, timestamp, media.ComfortNoisePayloadType);
        if (previous is not null)
        {
            Out.ContinueCountsOf(previous);
        }
    }
}
