using System.Net;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The receive half of one call's RTP: each datagram (SRTP-verified when the call is encrypted) goes into the jitter
/// buffer; at each media-clock tick one 20 ms 16 kHz frame comes out (decoded, or concealment, or silence) into a
/// queue the audio loop reads at its own pace. The queue holds 1 s: an audio loop that lags more loses its oldest
/// audio rather than holding up the clock. Allocates nothing per packet or frame. Not thread-safe: the session calls
/// it under its lock (only <see cref="ReadFrameAsync"/> is the audio loop's, from any thread).
/// </summary>
internal sealed class RtpReceivePath
{
    private const int QueuedFrames = 50; // 1 s: the audio loop (on the thread pool) may lag this much before we drop its oldest audio

    private readonly NegotiatedStreams _streams;
    private readonly RtpPeerAddress _peer;
    private readonly RtpTimeoutWatch _watch;
    private readonly MediaMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly FrameRing _frames = new(QueuedFrames, AudioFormat.SamplesPerFrame);
    private readonly short[] _frame = new short[AudioFormat.SamplesPerFrame];

    public RtpReceivePath(NegotiatedStreams streams, RtpPeerAddress peer, RtpTimeoutWatch watch, MediaMetrics metrics, TimeProvider time)
    {
        _streams = streams;
        _peer = peer;
        _watch = watch;
        _metrics = metrics;
        _time = time;
    }

    /// <summary>Sees each caller frame as the clock produces it (call recording).</summary>
    public IMediaAudioTap? Tap { get; set; }

    /// <summary>The echo reference, told after each caller frame where playout stands in the caller's timeline.</summary>
    public ICallerPlayoutSlipSink? PlayoutSlipSink { get; set; }

    /// <summary>One datagram from the call's RTP socket; returns whether it was a valid packet of the call.</summary>
    public bool OnDatagram(ReadOnlySpan<byte> datagram, SocketAddress sender)
    {
        if (_streams.In is not { } inbound)
        {
            return false;
        }
        if (_streams.Srtp is { } srtp && !srtp.TryUnprotectRtp(datagram, out datagram))
        {
            return false; // tampered, another key or a replay: counted by the SRTP receiver, never played
        }
        var nowMs = (long)_time.GetElapsedTime(0).TotalMilliseconds;
        if (!inbound.OnDatagram(datagram, nowMs))
        {
            return false;
        }
        _metrics.PacketReceived();
        _watch.OnPacket(nowMs);
        _peer.LatchOnce(sender); // symmetric RTP: the peer's packets come from its real (NAT-mapped) address
        return true;
    }

    /// <summary>At a tick (<paramref name="tickMs"/> on the clock's scale): the slot's caller frame to the audio loop.</summary>
    public void ProduceFrame(long tickMs)
    {
        _streams.In!.ProduceFrame(tickMs, _frame, (long)_time.GetElapsedTime(0).TotalMilliseconds);
        PlayoutSlipSink?.CallerFrameProduced(_streams.In!.PlayoutSlipMs); // before the frame can be read: its slip is known when it is
        _frames.WriteDroppingOldest(_frame);
        Tap?.CallerFrame(_frame);
    }

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) =>
        _frames.ReadAsync(destination, cancellationToken);

    /// <summary>Caller frames produced and not yet read (how many slots the audio loop lags the clock).</summary>
    public int FramesQueued => _frames.Count;

    /// <summary>The call ended: a reader gets what is queued, then false.</summary>
    public void Complete() => _frames.Complete();
}
