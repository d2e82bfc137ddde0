using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;
using VoiceFunctions.MediaHost.Rtp.Dtmf;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The receive half of one call's media, pure and single-threaded per call: RTP packets in (audio to the jitter
/// buffer, telephone-events to the DTMF receiver), one 16 kHz 20 ms frame out per clock tick (decoded,
/// concealed, or silence before the first packet). Nothing here allocates after construction.
/// </summary>
public sealed class InboundMedia
{
    private const int MaxCodecFrame = 48_000 * 120 / 1000;

    private readonly IAudioCodec _codec;
    private readonly int _payloadType;
    private readonly int? _telephoneEventPayloadType;
    private readonly int? _comfortNoisePayloadType;
    private readonly ComfortNoise _comfortNoise = new();
    private readonly int _samplesPerPacket;
    private readonly Resampler? _resampler;
    private readonly DtmfReceiver _dtmf;
    private readonly byte[] _payload = new byte[JitterBuffer.MaxPayloadBytes];
    private readonly short[] _decoded = new short[MaxCodecFrame];
    private readonly short[] _pending;      // 16 kHz samples decoded but not yet handed out
    private readonly DtmfDigit[] _digits = new DtmfDigit[2];
    private int _pendingCount;

    public InboundMedia(IAudioCodec codec, int payloadType, int? telephoneEventPayloadType, int packetTimeMs, JitterBufferOptions options,
        int? comfortNoisePayloadType = null)
    {
        _comfortNoisePayloadType = comfortNoisePayloadType;
        _codec = codec;
        _payloadType = payloadType;
        _telephoneEventPayloadType = telephoneEventPayloadType;
        PacketTimeMs = packetTimeMs;
        _samplesPerPacket = codec.Info.SampleRate * packetTimeMs / 1000;
        _resampler = codec.Info.SampleRate == AudioFormat.SampleRate ? null : new Resampler(codec.Info.SampleRate, AudioFormat.SampleRate);
        JitterBuffer = new JitterBuffer(packetTimeMs, codec.Info.ClockRate, options);
        _dtmf = new DtmfReceiver(codec.Info.ClockRate);
        _pending = new short[AudioFormat.SamplesPerFrame + AudioFormat.SampleRate * 120 / 1000 + 64];
    }

    public int PacketTimeMs { get; }

    public JitterBuffer JitterBuffer { get; }

    /// <summary>How far playout has fallen behind the caller's timeline, in ms (<see cref="JitterBuffer.PlayoutSlip"/>).</summary>
    public long PlayoutSlipMs => JitterBuffer.PlayoutSlip * PacketTimeMs;

    public ReceptionStatistics Reception { get; } = new();

    /// <summary>Datagrams that were not RTP, or RTP of a payload type we did not negotiate.</summary>
    public long Rejected { get; private set; }

    /// <summary>Called once per DTMF digit completed (on the thread that delivered the packet or ran the tick).</summary>
    public Action<DtmfDigit>? DigitReceived { get; set; }

    /// <summary>Accounts for one received datagram; returns true when it was RTP of this call (audio or DTMF).</summary>
    public bool OnDatagram(ReadOnlySpan<byte> datagram, long nowMs)
    {
        if (!RtpHeader.TryParse(datagram, out var header, out var offset))
        {
            Rejected++;
            return false;
        }
        var payload = header.PayloadOf(datagram, offset);
        if (header.PayloadType == _telephoneEventPayloadType)
        {
            Reception.Sequence.TryUpdate(header.SequenceNumber, out _);
            var count = _dtmf.OnPacket(header.Timestamp, payload, nowMs, _digits);
            for (var i = 0; i < count; i++)
            {
                DigitReceived?.Invoke(_digits[i]);
            }
            return true;
        }
        var comfortNoise = header.PayloadType == _comfortNoisePayloadType;
        if (header.PayloadType != _payloadType && !comfortNoise)
        {
            Rejected++;
            return false;
        }
        Reception.RemoteSsrc = header.Ssrc;
        if (!Reception.Sequence.TryUpdate(header.SequenceNumber, out var extended))
        {
            return true;
        }
        Reception.Jitter.Update(header.Timestamp, nowMs * _codec.Info.ClockRate / 1000);
        JitterBuffer.Insert(extended, header.Timestamp, payload, nowMs, comfortNoise);
        return true;
    }

    /// <summary>When set, records for each packet played how long after its arrival it was decoded (ms).</summary>
    public LatenessHistogram? ArrivalToDecoded { get; set; }

    /// <summary>
    /// Fills one 20 ms frame of 16 kHz audio for the audio loop: decoded, concealed or silent. <paramref name="nowMs"/>
    /// is the frame's due time; <paramref name="wallMs"/> the time it is produced (for <see cref="ArrivalToDecoded"/>).
    /// </summary>
    public void ProduceFrame(long nowMs, Span<short> frame, long wallMs = -1)
    {
        if (_dtmf.Poll(nowMs, out var digit))
        {
            DigitReceived?.Invoke(digit);
        }
        while (_pendingCount < AudioFormat.SamplesPerFrame)
        {
            var decoded = _decoded.AsSpan(0, _samplesPerPacket);
            switch (JitterBuffer.Take(nowMs, _payload, out var length))
            {
                case JitterBufferFrame.Packet:
                    var n = _codec.Decode(_payload.AsSpan(0, length), _decoded);
                    if (wallMs >= 0)
                    {
                        ArrivalToDecoded?.Record(wallMs - JitterBuffer.LastPlayedArrivalMs);
                    }
                    decoded = _decoded.AsSpan(0, n);
                    break;
                case JitterBufferFrame.Waiting:
                    decoded.Clear();
                    break;
                case JitterBufferFrame.ComfortNoise:
                    _comfortNoise.TryReadPayload(_payload.AsSpan(0, length)); // a CN packet sets the level; the pause after it keeps it
                    _comfortNoise.Fill(decoded);
                    break;
                default:
                    _codec.Conceal(decoded);
                    break;
            }
            AppendPending(decoded);
        }
        _pending.AsSpan(0, AudioFormat.SamplesPerFrame).CopyTo(frame);
        _pending.AsSpan(AudioFormat.SamplesPerFrame, _pendingCount - AudioFormat.SamplesPerFrame).CopyTo(_pending);
        _pendingCount -= AudioFormat.SamplesPerFrame;
    }

    private void AppendPending(ReadOnlySpan<short> decoded)
    {
        var room = _pending.AsSpan(_pendingCount);
        if (_resampler is null)
        {
            var n = Math.Min(decoded.Length, room.Length);
            decoded[..n].CopyTo(room);
            _pendingCount += n;
        }
        else
        {
            _pendingCount += _resampler.Process(decoded, room);
        }
    }
}
