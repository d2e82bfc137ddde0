namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>
/// Extends 16-bit RTP sequence numbers to 64 bits across wrap-around and counts packets, after RFC 3550
/// Appendix A.1: small reordering is accepted, a huge jump is believed only when the next packet follows it
/// (the sender restarted), so one stray packet cannot throw the count off.
/// </summary>
public sealed class SequenceTracker
{
    public const int MaxDropout = 3000;
    public const int MaxMisorder = 100;

    private bool _started;
    private ushort _maxSequence;
    private long _cycles;
    private long _baseExtended;
    private int _pendingRestart = -1;

    /// <summary>Packets accepted (duplicates included, as RFC 3550 counts them).</summary>
    public long Received { get; private set; }

    /// <summary>The highest extended sequence number seen.</summary>
    public long HighestExtended => _cycles + _maxSequence;

    /// <summary>Packets expected from the first to the highest sequence number.</summary>
    public long Expected => _started ? HighestExtended - _baseExtended + 1 : 0;

    /// <summary>Expected minus received; negative when duplicates outnumber losses.</summary>
    public long Lost => Expected - Received;

    /// <summary>Times the sender's sequence jumped and we re-synchronised to it.</summary>
    public int Restarts { get; private set; }

    /// <summary>
    /// Accounts for a packet and gives its extended sequence number; false when the packet is out of any
    /// plausible range (a stray or a first packet of a restart) and should be dropped.
    /// </summary>
    public bool TryUpdate(ushort sequence, out long extended)
    {
        if (!_started)
        {
            Start(sequence);
            extended = HighestExtended;
            return true;
        }

        var delta = (ushort)(sequence - _maxSequence);
        if (delta < MaxDropout)
        {
            if (sequence < _maxSequence)
            {
                _cycles += 65536;
            }
            _maxSequence = sequence;
            Received++;
            extended = HighestExtended;
            return true;
        }
        if (delta > 65536 - MaxMisorder)
        {
            // Late or duplicate: it belongs to this cycle, or the previous one if we wrapped since.
            extended = sequence > _maxSequence ? _cycles - 65536 + sequence : _cycles + sequence;
            Received++;
            return extended >= _baseExtended;
        }
        if (sequence == _pendingRestart)
        {
            // Two packets in sequence after a big jump: the sender restarted. Count afresh from here
            // (RFC 3550 does the same); the jitter buffer sees the jump and resets too.
            var restarts = Restarts + 1;
            Start(sequence);
            Restarts = restarts;
            extended = HighestExtended;
            return true;
        }
        _pendingRestart = (ushort)(sequence + 1);
        extended = 0;
        return false;
    }

    private void Start(ushort sequence)
    {
        _started = true;
        _maxSequence = sequence;
        _cycles = 0;
        _baseExtended = sequence;
        _pendingRestart = -1;
        Received = 1;
    }
}
