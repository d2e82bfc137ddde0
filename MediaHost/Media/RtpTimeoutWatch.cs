using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Whether the peer's media still flows: no RTP within <see cref="RtpOptions.FirstPacketTimeoutSeconds"/> of the
/// start, or none for <see cref="RtpOptions.MediaTimeoutSeconds"/> after it began, times the call out (once). The
/// peer's RTCP keeps a flowing call alive; on hold (we only send, or nothing flows) the peer owes us no RTP. Not
/// thread-safe: the session calls it under its lock.
/// </summary>
internal sealed class RtpTimeoutWatch(RtpOptions options)
{
    private long _startedAtMs;
    private long _lastPacketMs;
    private bool _timedOut;

    /// <summary>Whether a valid RTP packet of the call has arrived.</summary>
    public bool HasReceived { get; private set; }

    /// <summary>When the media started, on the time provider's millisecond scale.</summary>
    public long StartedAtMs => _startedAtMs;

    public void Start(long nowMs) => _startedAtMs = nowMs;

    public void OnPacket(long nowMs)
    {
        HasReceived = true;
        _lastPacketMs = nowMs;
    }

    /// <summary>An RTCP report of the peer: once its RTP has flowed, a report counts as a sign of life.</summary>
    public void OnReport(long nowMs)
    {
        if (HasReceived)
        {
            _lastPacketMs = Math.Max(_lastPacketMs, nowMs);
        }
    }

    /// <summary>At a tick: the reason to end the call the first time the media has timed out, else null.</summary>
    public string? Check(long nowMs, MediaDirection direction)
    {
        if (_timedOut || direction is MediaDirection.SendOnly or MediaDirection.Inactive)
        {
            _lastPacketMs = Math.Max(_lastPacketMs, nowMs);
            return null;
        }
        var limitMs = (HasReceived ? options.MediaTimeoutSeconds : options.FirstPacketTimeoutSeconds) * 1000L;
        var since = HasReceived ? _lastPacketMs : Math.Max(_startedAtMs, _lastPacketMs);
        if (nowMs - since < limitMs)
        {
            return null;
        }
        _timedOut = true;
        return HasReceived
            ? $"No RTP for {options.MediaTimeoutSeconds} s."
            : $"No RTP within {options.FirstPacketTimeoutSeconds} s of the answer.";
    }
}
