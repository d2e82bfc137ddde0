using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The send half of one call's RTP: the agent's frames queue (500 ms ahead of the clock at most), the
/// <see cref="OutboundPacer"/> decides when each 20 ms slot's frame is encoded, and the packet it makes is protected
/// (SRTP) and sent to the peer's current address. We send only when the negotiated direction allows it (not on hold)
/// and we know where to. Allocates nothing per frame. Not thread-safe: the session calls it under its lock (only
/// <see cref="WriteAsync"/>, <see cref="Clear"/> and <see cref="Complete"/> are the queue's own, safe from any thread).
/// </summary>
internal sealed class RtpSendPath
{
    private const int QueuedFrames = 25; // 500 ms of agent audio queued ahead of the clock
    private const int MaxDatagram = 1500;

    private readonly IDatagramSocket _socket;
    private readonly NegotiatedStreams _streams;
    private readonly RtpPeerAddress _peer;
    private readonly MediaMetrics _metrics;
    private readonly FrameRing _frames;
    private readonly OutboundPacer _pacer;
    private readonly byte[] _packet = new byte[MaxDatagram];

    public RtpSendPath(IDatagramSocket socket, NegotiatedStreams streams, RtpPeerAddress peer, MediaMetrics metrics, TimeProvider time)
    {
        _socket = socket;
        _streams = streams;
        _peer = peer;
        _metrics = metrics;
        _frames = new FrameRing(QueuedFrames, AudioFormat.SamplesPerFrame, time);
        _pacer = new OutboundPacer(_frames, AudioFormat.SamplesPerFrame, time) { OwnDelay = metrics.OutboundDelay, QueuedAhead = metrics.OutboundQueuedAhead };
    }

    /// <summary>Sees each slot's agent frame as it is filled (call recording).</summary>
    public IMediaAudioTap? Tap
    {
        get => _pacer.Tap;
        set => _pacer.Tap = value;
    }

    /// <summary>Sees each slot's agent frame as it is filled (the echo canceller's reference; independent of <see cref="Tap"/>).</summary>
    public IMediaAudioTap? EchoReference
    {
        get => _pacer.EchoReference;
        set => _pacer.EchoReference = value;
    }

    /// <summary>Whether we may send now: the direction allows it and the peer's address is known (media started).</summary>
    public bool MaySend => _streams.Media!.MaySend && _peer.Endpoint is not null;

    /// <summary>Queues an agent frame; completes at once while there is room (the common case), else when there is.</summary>
    public ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => _frames.WriteAsync(frame, cancellationToken);

    /// <summary>Drops the queued frames (barge-in); returns how many.</summary>
    public int Clear() => _frames.Clear();

    /// <summary>The call ended: writers are released.</summary>
    public void Complete() => _frames.Complete();

    /// <summary>Right after a frame was queued: the open slot takes it at once if it is still empty.</summary>
    public void OnFrameWritten() => Send(_pacer.OnFrameWritten(_streams.Out!, MaySend, _packet));

    /// <summary>At a tick, the open slot's deadline: its frame, or silence (comfort noise, DTMF), leaves now.</summary>
    public void CloseSlot(bool maySend) => Send(_pacer.CloseSlot(_streams.Out!, maySend, _packet));

    /// <summary>At the same tick, after <see cref="CloseSlot"/>: the next slot opens and takes a frame queued ahead.</summary>
    public void OpenSlot(long tickMs, bool maySend) => Send(_pacer.OpenSlot(tickMs, _streams.Out!, maySend, _packet));

    private void Send(int length)
    {
        if (length > 0 && _streams.Srtp is { } srtp)
        {
            length = srtp.ProtectRtp(_packet, length);
        }
        if (length > 0)
        {
            _socket.SendTo(_packet.AsSpan(0, length), _peer.Rtp);
            _metrics.PacketSent();
        }
    }
}
