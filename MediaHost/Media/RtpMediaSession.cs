using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Quality;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// One call's RTP media: owns its RTP/RTCP sockets and composes the parts that each do one job — the negotiated
/// streams (<see cref="NegotiatedStreams"/>), the peer's address (<see cref="RtpPeerAddress"/>, symmetric RTP), the
/// receive path (<see cref="RtpReceivePath"/>), the send path (<see cref="RtpSendPath"/>), DTMF sending
/// (<see cref="DtmfSendQueue"/>), RTCP out and in (<see cref="RtcpReporter"/>, <see cref="RtcpReceiver"/>), the quality
/// figures (<see cref="MediaQualityReader"/>) and the media timeout (<see cref="RtpTimeoutWatch"/>). The session holds
/// the one lock they run under, starts and stops them, and does one frame of work per media-clock tick. Ends the call
/// with <see cref="CallEndReason.MediaTimeout"/> when RTP stops.
/// </summary>
public sealed class RtpMediaSession : IMediaSession, IMediaClockTarget
{
    private readonly object _lock = new();
    private readonly IDatagramSocket _rtpSocket;
    private readonly IDatagramSocket _rtcpSocket;
    private readonly MediaClock _clock;
    private readonly TimeProvider _time;
    private readonly Action<RtpMediaSession> _released;
    private readonly MediaMetrics _metrics;
    private readonly NegotiatedStreams _streams;
    private readonly RtpPeerAddress _peer;
    private readonly RtpTimeoutWatch _watch;
    private readonly RtpReceivePath _receive;
    private readonly RtpSendPath _send;
    private readonly DtmfSendQueue _dtmf;
    private readonly RtcpReporter _rtcpOut;
    private readonly RtcpReceiver _rtcpIn;
    private readonly MediaQualityReader _quality;
    private int _stopped;

    public RtpMediaSession(string callId, IDatagramSocket rtpSocket, IDatagramSocket rtcpSocket, IReadOnlyList<MediaCodec> codecs,
        RtpOptions options, MediaClock clock, TimeProvider time, MediaMetrics metrics, Action<RtpMediaSession> released)
    {
        CallId = callId;
        _rtpSocket = rtpSocket;
        _rtcpSocket = rtcpSocket;
        Codecs = codecs;
        _clock = clock;
        _time = time;
        _metrics = metrics;
        _released = released;
        var ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        var firstSequence = (ushort)Random.Shared.Next(0, 65536);
        var firstTimestamp = (uint)Random.Shared.NextInt64(0, uint.MaxValue);
        _streams = new NegotiatedStreams(options, ssrc, firstSequence, firstTimestamp, metrics.InboundDelay, digit => DtmfReceived?.Invoke(digit));
        _peer = new RtpPeerAddress(rtpSocket.LocalEndpoint.AddressFamily);
        _watch = new RtpTimeoutWatch(options);
        _receive = new RtpReceivePath(_streams, _peer, _watch, metrics, time);
        _send = new RtpSendPath(rtpSocket, _streams, _peer, metrics, time);
        _dtmf = new DtmfSendQueue(_lock, TryStartDtmf);
        _rtcpOut = new RtcpReporter(rtcpSocket, _streams, _peer, _watch, options, time);
        _quality = new MediaQualityReader(_streams, _watch, time);
        _rtcpIn = new RtcpReceiver(_streams, _watch, _quality, time);
    }

    public string CallId { get; }

    public IPEndPoint LocalEndpoint => _rtpSocket.LocalEndpoint;

    public IReadOnlyList<MediaCodec> Codecs { get; }

    public uint Ssrc => _streams.Ssrc;

    /// <summary>Where we send RTP now: the SDP address, or the address learned from the peer's packets.</summary>
    public IPEndPoint? RemoteEndpoint => _peer.Endpoint;

    /// <summary>The receive half (statistics, jitter buffer) once started.</summary>
    public InboundMedia? Inbound => _streams.In;

    /// <summary>The send half (counters) once started.</summary>
    public OutboundMedia? Outbound => _streams.Out;

    /// <summary>Times the far end's address was learned from its packets (symmetric RTP).</summary>
    public int AddressesLearned => _peer.Learned;

    /// <summary>RTCP compound packets we sent (SRTCP when the call is encrypted).</summary>
    public long RtcpReportsSent => _rtcpOut.Sent;

    /// <summary>SRTP packets refused (tampered, another key, replayed, malformed) since the keys were last set.</summary>
    public long SrtpRefused
    {
        get
        {
            lock (_lock)
            {
                return _streams.Srtp?.Refused ?? 0;
            }
        }
    }

    /// <summary>The peer's SRTCP reports that verified and were read, and those refused (tampered, replayed, malformed), since the keys were last set.</summary>
    public (long Accepted, long Refused) Srtcp
    {
        get
        {
            lock (_lock)
            {
                return _streams.Srtp is { } srtp ? (srtp.RtcpAccepted, srtp.RtcpRefused) : (0, 0);
            }
        }
    }

    public event Action<DtmfDigit>? DtmfReceived;

    public event Action<CallEnded>? Failed;

    public void Start(NegotiatedMedia media)
    {
        lock (_lock)
        {
            if (_streams.Media is not null)
            {
                throw new InvalidOperationException("Media was already started; use Update for a renegotiation.");
            }
            Apply(media);
            var nowMs = NowMs();
            _watch.Start(nowMs);
            _rtcpOut.Start(nowMs);
        }
        // RTP and RTCP are read by the host's shared receive loops (dedicated threads, not the thread pool: a starved
        // pool would hold packets back and the jitter buffer would conceal, then drop, audio that arrived on time).
        _rtpSocket.StartReceiving(OnRtpDatagram);
        _rtcpSocket.StartReceiving((compound, _) => OnRtcpDatagram(compound));
        _clock.Add(this);
        _metrics.SessionStarted();
    }

    public void Update(NegotiatedMedia media)
    {
        lock (_lock)
        {
            Apply(media);
        }
    }

    public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) =>
        _receive.ReadFrameAsync(destination, cancellationToken);

    /// <summary>Queues a frame; when its 20 ms slot is open and still empty it is encoded and sent at once, on this thread.</summary>
    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        // Not an async method: the common case (room in the queue) completes without any state machine.
        var write = _send.WriteAsync(frame, cancellationToken);
        if (!write.IsCompletedSuccessfully)
        {
            return SendWhenQueuedAsync(write);
        }
        SendWrittenFrame();
        return ValueTask.CompletedTask;
    }

    public int ClearPlayback() => _send.Clear();

    public int CallerFramesQueued => _receive.FramesQueued;

    /// <summary>From the next slot on, <paramref name="sink"/> sees each slot's agent frame as it leaves (under the lock, on
    /// the clock), and, when it is an <see cref="ICallerPlayoutSlipSink"/>, where each caller frame sits in the caller's timeline.</summary>
    public bool AttachEchoReference(IMediaAudioTap? sink)
    {
        lock (_lock)
        {
            _send.EchoReference = sink;
            _receive.PlayoutSlipSink = sink as ICallerPlayoutSlipSink;
        }
        return true;
    }

    /// <summary>From the next tick on, <paramref name="tap"/> sees each caller frame and each sent agent frame (under the lock, on the clock).</summary>
    public void AttachAudioTap(IMediaAudioTap? tap)
    {
        lock (_lock)
        {
            _receive.Tap = tap;
            _send.Tap = tap;
        }
    }

    /// <summary>Starts a DTMF digit's RFC 4733 events; false when telephone-event was not negotiated or one is playing.</summary>
    public bool SendDtmf(char digit, TimeSpan duration)
    {
        lock (_lock)
        {
            return _streams.Out?.StartDtmf(digit, duration) ?? false;
        }
    }

    /// <summary>
    /// Sends <paramref name="digit"/> as RFC 4733 events and completes once its last end packet has gone out
    /// (true), or false at once when telephone-event was not negotiated or we may not send (hold): the SIP
    /// layer then falls back to SIP INFO. Digits sent one after another queue behind each other.
    /// </summary>
    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) =>
        _dtmf.SendAsync(digit, duration, cancellationToken);

    /// <summary>The media's counters now (null before media started). Cheap, and meant for a report every few seconds, not per packet.</summary>
    public MediaQualityCounters? ReadQuality()
    {
        lock (_lock)
        {
            return _quality.Read();
        }
    }

    public void OnTick(long nowMs)
    {
        lock (_lock)
        {
            if (_streams.Media is not { } media || _stopped == 1)
            {
                return;
            }
            _receive.ProduceFrame(nowMs);
            // The slot ending now gets its packet if the audio loop gave none (silence, comfort noise or DTMF)...
            var maySend = _send.MaySend;
            _send.CloseSlot(maySend);
            _dtmf.CompleteWhenSent(_streams.Out);
            if (_rtcpOut.IsDue(nowMs))
            {
                _rtcpOut.Send(nowMs, goodbye: false); // before the next slot's packet: the report pairs this tick with the slot it ended
            }
            // ...then the next slot opens, and takes at once a frame the audio loop queued ahead.
            _send.OpenSlot(nowMs, maySend);
            _dtmf.CompleteWhenSent(_streams.Out);
            if (_watch.Check(nowMs, media.Direction) is { } timedOut)
            {
                Fail(CallEndReason.MediaTimeout, timedOut);
            }
        }
    }

    /// <summary>The per-packet receive path (also called directly by tests and benchmarks).</summary>
    internal void OnRtpDatagram(ReadOnlySpan<byte> datagram, SocketAddress sender)
    {
        lock (_lock)
        {
            if (_stopped == 0)
            {
                _receive.OnDatagram(datagram, sender);
            }
        }
    }

    internal void OnRtcpDatagram(ReadOnlySpan<byte> compound)
    {
        lock (_lock)
        {
            if (_stopped == 0)
            {
                _rtcpIn.OnDatagram(compound);
            }
        }
    }

    public Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return Task.CompletedTask;
        }
        _clock.Remove(this);
        lock (_lock)
        {
            _rtcpOut.Send(NowMs(), goodbye: true);
            _dtmf.Abandon();
        }
        _receive.Complete();
        _send.Complete();
        _rtpSocket.Dispose();
        _rtcpSocket.Dispose();
        lock (_lock)
        {
            _streams.DisposeSrtp();
        }
        _metrics.SessionEnded(this);
        _released(this);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private void Apply(NegotiatedMedia media)
    {
        if (_streams.Apply(media))
        {
            _peer.UseSignalled(media.RemoteEndpoint);
        }
    }

    // Under the lock, for the DTMF queue: a digit can go out only on a started, sending call.
    private bool TryStartDtmf(char digit, TimeSpan duration) =>
        _stopped == 0 && _streams.Out is { } outbound && _streams.Media?.MaySend == true && outbound.StartDtmf(digit, duration);

    // From the writer's thread, right after it queued a frame: the open slot takes it at once if it is still empty.
    private void SendWrittenFrame()
    {
        lock (_lock)
        {
            if (_streams.Out is null || _streams.Media is null || _stopped == 1)
            {
                return; // not started (the first tick sends it) or ended
            }
            _send.OnFrameWritten();
            _dtmf.CompleteWhenSent(_streams.Out);
        }
    }

    private async ValueTask SendWhenQueuedAsync(ValueTask write)
    {
        await write.ConfigureAwait(false);
        SendWrittenFrame(); // the queue was full (or barge-in just emptied it): the open slot may still be empty
    }

    private long NowMs() => (long)_time.GetElapsedTime(0).TotalMilliseconds;

    private void Fail(CallEndReason reason, string detail) =>
        ThreadPool.UnsafeQueueUserWorkItem(state => Failed?.Invoke(state), new CallEnded(reason, null, detail), preferLocal: false);
}
