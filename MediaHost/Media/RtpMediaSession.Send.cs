using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>The send side of <see cref="RtpMediaSession"/>: agent frames leave as soon as their slot is open (<see cref="OutboundPacer"/>).</summary>
public sealed partial class RtpMediaSession
{
    private readonly OutboundPacer _pacer;
    private IMediaAudioTap? _tap;

    /// <summary>From the next tick on, <paramref name="tap"/> sees each caller frame and each sent agent frame (under the lock, on the clock).</summary>
    public void AttachAudioTap(IMediaAudioTap? tap)
    {
        lock (_lock)
        {
            _tap = tap;
            _pacer.Tap = tap;
        }
    }

    // We send only when the negotiated direction allows it (not on hold) and we know where to.
    private bool MaySend => _media!.MaySend && RemoteEndpoint is not null;

    // From the writer's thread, right after it queued a frame: the open slot takes it at once if it is still empty.
    private void SendWrittenFrame()
    {
        lock (_lock)
        {
            if (_out is null || _media is null || _stopped == 1)
            {
                return; // not started (the first tick sends it) or ended
            }
            SendPacket(_pacer.OnFrameWritten(_out, MaySend, _sendBuffer));
            CompleteDtmfWhenSent();
        }
    }

    private async ValueTask SendWhenQueuedAsync(ValueTask write)
    {
        await write.ConfigureAwait(false);
        SendWrittenFrame(); // the queue was full (or barge-in just emptied it): the open slot may still be empty
    }

    // Under _lock: the packet the pacer made, if any, onto the wire.
    private void SendPacket(int length)
    {
        if (length > 0 && _srtp is not null)
        {
            length = _srtp.ProtectRtp(_sendBuffer, length);
        }
        if (length > 0)
        {
            _rtpSocket.SendTo(_sendBuffer.AsSpan(0, length), _rtpRemote);
            _metrics.PacketSent();
        }
    }
}
