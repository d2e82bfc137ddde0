namespace VoiceFunctions.MediaHost.Rtp.Dtmf;

/// <summary>
/// Produces the RFC 4733 packets of one digit, one per media-clock tick: the first with the marker bit, updates
/// with the growing duration, then the end packet three times (redundancy against loss), all with the event's
/// start timestamp. The session sends these instead of audio while a digit plays.
/// </summary>
public sealed class DtmfSender
{
    public const int EndRepeats = 3;
    public const byte DefaultVolume = 10;

    private readonly int _unitsPerTick;
    private byte _event;
    private int _totalUnits;
    private int _elapsedUnits;
    private int _endsSent;
    private bool _started;

    public DtmfSender(int clockRate, int tickMilliseconds = 20)
    {
        _unitsPerTick = clockRate * tickMilliseconds / 1000;
    }

    public bool IsSending { get; private set; }

    /// <summary>The RTP timestamp every packet of the current event carries.</summary>
    public uint EventTimestamp { get; private set; }

    /// <summary>Starts a digit at RTP timestamp <paramref name="timestamp"/>; its length is rounded up to whole ticks.</summary>
    public void Start(char digit, TimeSpan duration, uint timestamp, int clockRate)
    {
        if (IsSending)
        {
            throw new InvalidOperationException("A digit is already being sent.");
        }
        _event = TelephoneEvent.CodeOf(digit);
        var units = (int)Math.Ceiling(duration.TotalSeconds * clockRate / _unitsPerTick) * _unitsPerTick;
        _totalUnits = Math.Clamp(units, _unitsPerTick, ushort.MaxValue);
        _elapsedUnits = 0;
        _endsSent = 0;
        _started = false;
        EventTimestamp = timestamp;
        IsSending = true;
    }

    /// <summary>Writes this tick's packet payload; false once the digit's last end packet has gone.</summary>
    public bool TryNext(Span<byte> payload, out int length, out bool marker)
    {
        length = 0;
        marker = false;
        if (!IsSending)
        {
            return false;
        }
        marker = !_started;
        _started = true;
        bool end;
        if (_elapsedUnits < _totalUnits)
        {
            _elapsedUnits = Math.Min(_elapsedUnits + _unitsPerTick, _totalUnits);
            end = _elapsedUnits == _totalUnits;
        }
        else
        {
            end = true;
        }
        if (end)
        {
            _endsSent++;
            IsSending = _endsSent < EndRepeats;
        }
        length = new TelephoneEvent(_event, end, DefaultVolume, (ushort)_elapsedUnits).WriteTo(payload);
        return true;
    }
}
