using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;
using VoiceFunctions.MediaHost.Rtp.Dtmf;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The send half of one call's media, pure: 16 kHz 20 ms frames in (agent audio or silence), RTP packets out at
/// the negotiated packet time, with our SSRC, a sequence number and timestamp that start at random values and
/// advance exactly per frame, and the marker on the first packet of a talk spurt. While a DTMF digit is being
/// sent its telephone-event packets replace the audio. Counts packets and octets for RTCP SR.
/// </summary>
public sealed class OutboundMedia
{
    private readonly IAudioCodec _codec;
    private readonly int _payloadType;
    private readonly int? _telephoneEventPayloadType;
    private readonly int? _comfortNoisePayloadType;
    private int _silentPackets; // packets' worth of silence in a row (comfort noise is sent at its start and refreshed)
    private readonly int _samplesPerPacket;
    private readonly int _timestampPerPacket;
    private readonly Resampler? _resampler;
    private readonly short[] _pending;
    private readonly DtmfSender _dtmf;
    private int _pendingCount;
    private ushort _sequence;
    private uint _timestamp;
    private bool _nextIsMarker = true;

    /// <summary>With CN negotiated, silence is sent as one comfort-noise packet every this many packet times (200 ms at 20 ms).</summary>
    public const int ComfortNoiseRefreshPackets = 10;

    public OutboundMedia(IAudioCodec codec, int payloadType, int? telephoneEventPayloadType, int packetTimeMs, uint ssrc, ushort firstSequence, uint firstTimestamp,
        int? comfortNoisePayloadType = null)
    {
        _comfortNoisePayloadType = comfortNoisePayloadType;
        _codec = codec;
        _payloadType = payloadType;
        _telephoneEventPayloadType = telephoneEventPayloadType;
        PacketTimeMs = packetTimeMs;
        Ssrc = ssrc;
        _sequence = firstSequence;
        _timestamp = firstTimestamp;
        _samplesPerPacket = codec.Info.SamplesPerFrame(packetTimeMs);
        _timestampPerPacket = codec.Info.TimestampUnitsPerFrame(packetTimeMs);
        _resampler = codec.Info.SampleRate == AudioFormat.SampleRate ? null : new Resampler(AudioFormat.SampleRate, codec.Info.SampleRate);
        _pending = new short[_samplesPerPacket + codec.Info.SampleRate * 40 / 1000 + 64];
        _dtmf = new DtmfSender(codec.Info.ClockRate, packetTimeMs);
    }

    public int PacketTimeMs { get; }

    public uint Ssrc { get; }

    /// <summary>Packets sent with our SSRC since the call's media started (RTCP SR: kept across codec changes).</summary>
    public uint PacketsSent { get; private set; }

    /// <summary>Payload octets sent with our SSRC since the call's media started (RTCP SR).</summary>
    public uint OctetsSent { get; private set; }

    /// <summary>The sequence number the next packet will carry.</summary>
    public ushort NextSequence => _sequence;

    /// <summary>
    /// A codec change keeps our SSRC, so the RTCP sender counts go on from those of the send half this one replaces
    /// (RFC 3550 6.4.1: counted from the start of transmission, reset only with a new SSRC).
    /// </summary>
    public void ContinueCountsOf(OutboundMedia previous)
    {
        PacketsSent = previous.PacketsSent;
        OctetsSent = previous.OctetsSent;
    }

    /// <summary>The RTP timestamp of the most recent packet (for the SR's RTP/NTP pair).</summary>
    public uint LastTimestamp { get; private set; }

    public int ClockRate => _codec.Info.ClockRate;

    public bool IsSendingDtmf => _dtmf.IsSending;

    /// <summary>Starts sending a DTMF digit as RFC 4733 events; false when no telephone-event was negotiated.</summary>
    public bool StartDtmf(char digit, TimeSpan duration)
    {
        if (_telephoneEventPayloadType is null || _dtmf.IsSending)
        {
            return false;
        }
        _dtmf.Start(digit, duration, _timestamp, _codec.Info.ClockRate);
        return true;
    }

    /// <summary>
    /// Takes one 20 ms frame of 16 kHz audio (<paramref name="frame"/>; empty for silence) and writes the packet it
    /// completes into <paramref name="packet"/>. Returns the packet length, or 0 when no packet is due yet (packet
    /// times longer than 20 ms collect several frames) or, with comfort noise negotiated, when silence needs no packet
    /// now (RFC 3389: a CN packet starts the silence and refreshes it every <see cref="ComfortNoiseRefreshPackets"/>).
    /// </summary>
    public int OnFrame(ReadOnlySpan<short> frame, Span<byte> packet, bool talkSpurtStart = false)
    {
        if (frame.IsEmpty)
        {
            AppendSilence();
        }
        else
        {
            Append(frame);
        }
        if (talkSpurtStart)
        {
            _nextIsMarker = true;
        }
        if (_pendingCount < _samplesPerPacket)
        {
            return 0;
        }

        int length;
        if (_dtmf.IsSending)
        {
            _dtmf.TryNext(packet[RtpHeader.FixedLength..], out var eventLength, out var marker);
            new RtpHeader(marker, (byte)_telephoneEventPayloadType!.Value, _sequence, _dtmf.EventTimestamp, Ssrc).WriteTo(packet);
            length = RtpHeader.FixedLength + eventLength;
            _nextIsMarker = true; // audio after a digit starts a new talk spurt
        }
        else if (frame.IsEmpty && _comfortNoisePayloadType is { } cn)
        {
            var due = _silentPackets++ % ComfortNoiseRefreshPackets == 0;
            _nextIsMarker = true; // the next audio starts a talk spurt
            if (!due)
            {
                _timestamp += (uint)_timestampPerPacket;
                ConsumePacket();
                return 0;
            }
            var payloadLength = ComfortNoise.WritePayload(packet[RtpHeader.FixedLength..]);
            new RtpHeader(false, (byte)cn, _sequence, _timestamp, Ssrc).WriteTo(packet);
            length = RtpHeader.FixedLength + payloadLength;
        }
        else
        {
            _silentPackets = 0;
            var payloadLength = _codec.Encode(_pending.AsSpan(0, _samplesPerPacket), packet[RtpHeader.FixedLength..]);
            new RtpHeader(_nextIsMarker, (byte)_payloadType, _sequence, _timestamp, Ssrc).WriteTo(packet);
            _nextIsMarker = false;
            length = RtpHeader.FixedLength + payloadLength;
        }
        LastTimestamp = _timestamp;
        _sequence++;
        _timestamp += (uint)_timestampPerPacket;
        PacketsSent++;
        OctetsSent += (uint)(length - RtpHeader.FixedLength);
        ConsumePacket();
        return length;
    }

    private void ConsumePacket()
    {
        _pending.AsSpan(_samplesPerPacket, _pendingCount - _samplesPerPacket).CopyTo(_pending);
        _pendingCount -= _samplesPerPacket;
    }

    /// <summary>Advances the timeline by one frame without sending (we may not send: hold, recvonly).</summary>
    public void SkipFrame()
    {
        _timestamp += (uint)(_codec.Info.ClockRate * AudioFormat.FrameMilliseconds / 1000);
        _nextIsMarker = true;
    }

    private void Append(ReadOnlySpan<short> frame)
    {
        var room = _pending.AsSpan(_pendingCount);
        if (_resampler is null)
        {
            var n = Math.Min(frame.Length, room.Length);
            frame[..n].CopyTo(room);
            _pendingCount += n;
        }
        else
        {
            _pendingCount += _resampler.Process(frame, room);
        }
    }

    private void AppendSilence()
    {
        var samples = _codec.Info.SampleRate * AudioFormat.FrameMilliseconds / 1000;
        _pending.AsSpan(_pendingCount, samples).Clear();
        _pendingCount += samples;
    }
}
