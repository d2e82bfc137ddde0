namespace VoiceFunctions.MediaHost.Rtp.Srtp;

/// <summary>
/// Replay protection (RFC 3711 section 3.3.2): the highest packet index accepted and a 64-packet bitmap below it. A
/// packet is checked before it is authenticated and recorded only after, so a forged packet cannot move the window.
/// </summary>
public struct SrtpReplayWindow
{
    private const int Size = 64;
    private long _highest;
    private ulong _seen;
    private bool _started;

    /// <summary>True when <paramref name="index"/> is new and not older than the window.</summary>
    public readonly bool IsFresh(long index)
    {
        if (!_started || index > _highest)
        {
            return true;
        }
        var age = _highest - index;
        return age < Size && (_seen & (1UL << (int)age)) == 0;
    }

    public void Accept(long index)
    {
        if (!_started)
        {
            _started = true;
            _highest = index;
            _seen = 1;
            return;
        }
        if (index > _highest)
        {
            var shift = index - _highest;
            _seen = shift >= Size ? 1 : (_seen << (int)shift) | 1;
            _highest = index;
            return;
        }
        _seen |= 1UL << (int)(_highest - index);
    }
}
