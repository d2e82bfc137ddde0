using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Rtp.Dtmf;

/// <summary>
/// Turns RFC 4733 telephone-event packets into digits, each reported exactly once. An event is identified by
/// its RTP timestamp: the sender repeats the end packet (usually 3×) and any of them ends the event; if every
/// end packet is lost, the next event or <see cref="Poll"/> (silence for <see cref="EndTimeoutMs"/>) ends it with
/// the last duration seen. Packets of an event already reported, or older, are ignored.
/// </summary>
public sealed class DtmfReceiver
{
    /// <summary>How long an event may go without packets before we take it as ended (its end packets were lost).</summary>
    public const int EndTimeoutMs = 300;

    private readonly int _clockRate;
    private bool _active;
    private bool _reported;
    private bool _any;
    private uint _timestamp;
    private byte _event;
    private ushort _duration;
    private long _lastPacketAt;

    public DtmfReceiver(int clockRate)
    {
        _clockRate = clockRate;
    }

    /// <summary>
    /// Accounts for one telephone-event packet (RTP timestamp and payload) that arrived at <paramref name="nowMs"/>.
    /// Returns the digits it completes (0, 1 or 2: a previous event left without an end, and this one).
    /// </summary>
    public int OnPacket(uint rtpTimestamp, ReadOnlySpan<byte> payload, long nowMs, Span<DtmfDigit> completed)
    {
        if (!TelephoneEvent.TryParse(payload, out var te) || TelephoneEvent.DigitOf(te.Event) is null)
        {
            return 0;
        }
        var count = 0;
        if (_any && rtpTimestamp == _timestamp)
        {
            if (_reported)
            {
                return 0; // a repeated end packet, or a late update, of a digit already reported
            }
            _duration = Math.Max(_duration, te.Duration);
        }
        else
        {
            if (_any && (int)(rtpTimestamp - _timestamp) < 0)
            {
                return 0; // a straggler from an earlier event
            }
            if (_active && !_reported)
            {
                completed[count++] = Report(); // its end packets never came
            }
            _any = true;
            _active = true;
            _reported = false;
            _timestamp = rtpTimestamp;
            _event = te.Event;
            _duration = te.Duration;
        }
        _lastPacketAt = nowMs;
        if (te.End)
        {
            completed[count++] = Report();
        }
        return count;
    }

    /// <summary>Ends an event whose packets stopped without an end packet; call on the media clock.</summary>
    public bool Poll(long nowMs, out DtmfDigit digit)
    {
        if (_active && !_reported && nowMs - _lastPacketAt >= EndTimeoutMs)
        {
            digit = Report();
            return true;
        }
        digit = default;
        return false;
    }

    private DtmfDigit Report()
    {
        _reported = true;
        _active = false;
        return new DtmfDigit(TelephoneEvent.DigitOf(_event)!.Value, TimeSpan.FromSeconds((double)_duration / _clockRate));
    }
}
