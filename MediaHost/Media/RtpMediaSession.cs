using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// One call's RTP media: owns its RTP/RTCP sockets, runs their receive loops, and does one frame of work per
/// media-clock tick (receive: jitter buffer → decode → 16 kHz frame for the audio loop; send: agent frame or
/// silence → encode → RTP). Symmetric RTP: once a valid packet of the call arrives, we send to where it came
/// from (NAT). Ends the call with <see cref="CallEndReason.MediaTimeout"/> when RTP stops.
/// </summary>
public sealed partial class RtpMediaSession : IMediaSession, IMediaClockTarget
{
    private const int InboundFrames = 50;   // 1 s: the audio loop (on the thread pool) may lag this much before we drop its oldest audio
    private const int OutboundFrames = 25;  // 500 ms of agent audio queued ahead of the clock

    private readonly object _lock = new();
    private readonly IDatagramSocket _rtpSocket;
    private readonly IDatagramSocket _rtcpSocket;
    private readonly RtpOptions _options;
    private readonly MediaClock _clock;
    private readonly TimeProvider _time;
    private readonly Action<RtpMediaSession> _released;
    private readonly MediaMetrics _metrics;
    private readonly CancellationTokenSource _stop = new();
    private readonly FrameRing _inbound = new(InboundFrames, AudioFormat.SamplesPerFrame);
    private readonly FrameRing _outbound;
    private readonly uint _ssrc;
    private readonly ushort _firstSequence;
    private readonly uint _firstTimestamp;
    private int _stopped;
    private NegotiatedMedia? _media;
    private InboundMedia? _in;
    private OutboundMedia? _out;

    public RtpMediaSession(string callId, IDatagramSocket rtpSocket, IDatagramSocket rtcpSocket, IReadOnlyList<MediaCodec> codecs,
        RtpOptions options, MediaClock clock, TimeProvider time, MediaMetrics metrics, Action<RtpMediaSession> released)
    {
        CallId = callId;
        _rtpSocket = rtpSocket;
        _rtcpSocket = rtcpSocket;
        Codecs = codecs;
        _options = options;
        _clock = clock;
        _time = time;
        _metrics = metrics;
        _released = released;
        _ssrc = (uint)Random.Shared.NextInt64(1, uint.MaxValue);
        _firstSequence = (ushort)Random.Shared.Next(0, 65536);
        _firstTimestamp = (uint)Random.Shared.NextInt64(0, uint.MaxValue);
        _outbound = new FrameRing(OutboundFrames, AudioFormat.SamplesPerFrame, time);
        _pacer = new OutboundPacer(_outbound, AudioFormat.SamplesPerFrame, time) { OwnDelay = metrics.OutboundDelay, QueuedAhead = metrics.OutboundQueuedAhead };
        _rtpRemote = new SocketAddress(rtpSocket.LocalEndpoint.AddressFamily);
        _rtcpRemote = new SocketAddress(rtpSocket.LocalEndpoint.AddressFamily);
    }

    public string CallId { get; }

    public IPEndPoint LocalEndpoint => _rtpSocket.LocalEndpoint;

    public IReadOnlyList<MediaCodec> Codecs { get; }

    public uint Ssrc => _ssrc;

    /// <summary>Where we send RTP now: the SDP address, or the address learned from the peer's packets.</summary>
    public IPEndPoint? RemoteEndpoint { get; private set; }

    /// <summary>The receive half (statistics, jitter buffer) once started.</summary>
    public InboundMedia? Inbound => _in;

    /// <summary>The send half (counters) once started.</summary>
    public OutboundMedia? Outbound => _out;

    public event Action<DtmfDigit>? DtmfReceived;

    public event Action<CallEnded>? Failed;

    public void Start(NegotiatedMedia media)
    {
        lock (_lock)
        {
            if (_media is not null)
            {
                throw new InvalidOperationException("Media was already started; use Update for a renegotiation.");
            }
            Apply(media);
            _startedAtMs = NowMs();
            _lastRtcpMs = _startedAtMs - _options.RtcpIntervalSeconds * 500L; // first report after half an interval (RFC 3550 6.2)
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
        _inbound.ReadAsync(destination, cancellationToken);

    /// <summary>Queues a frame; when its 20 ms slot is open and still empty it is encoded and sent at once, on this thread.</summary>
    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
    {
        // Not an async method: the common case (room in the queue) completes without any state machine.
        var write = _outbound.WriteAsync(frame, cancellationToken);
        if (!write.IsCompletedSuccessfully)
        {
            return SendWhenQueuedAsync(write);
        }
        SendWrittenFrame();
        return ValueTask.CompletedTask;
    }

    public int ClearPlayback() => _outbound.Clear();

    public int CallerFramesQueued => _inbound.Count;

    /// <summary>Sends a DTMF digit as RFC 4733 events; false when telephone-event was not negotiated or one is playing.</summary>
    public bool SendDtmf(char digit, TimeSpan duration)
    {
        lock (_lock)
        {
            return _out?.StartDtmf(digit, duration) ?? false;
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
            SendRtcp(NowMs(), goodbye: true);
            AbandonDtmf();
        }
        _stop.Cancel();
        _inbound.Complete();
        _outbound.Complete();
        _rtpSocket.Dispose();
        _rtcpSocket.Dispose();
        lock (_lock)
        {
            // The keys' native cipher state goes now; a late datagram finds no SRTP context and the stopped session ignores it.
            _srtp?.Dispose();
        }
        _metrics.SessionEnded(this);
        _released(this);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    // Builds the codec halves for the negotiated codec, keeping them when only the address or direction changed.
    private void Apply(NegotiatedMedia media)
    {
        var codecChanged = _media is null
            || !_media.Codec.SameEncoding(media.Codec.Name, media.Codec.ClockRate, media.Codec.Channels)
            || _media.PayloadType != media.PayloadType
            || _media.TelephoneEventPayloadType != media.TelephoneEventPayloadType
            || _media.ComfortNoisePayloadType != media.ComfortNoisePayloadType
            || _media.PacketTimeMs != media.PacketTimeMs;
        if (codecChanged)
        {
            var ptime = media.PacketTimeMs is 10 or 20 or 30 or 40 or 60 ? media.PacketTimeMs : AudioFormat.FrameMilliseconds;
            if (!AudioCodecs.TryCreate(media.Codec.Name, out var decoder, _options.OpusBitrate)
                || !AudioCodecs.TryCreate(media.Codec.Name, out var encoder, _options.OpusBitrate))
            {
                throw new NotSupportedException($"The media path cannot carry the negotiated codec {media.Codec}.");
            }
            _in = new InboundMedia(decoder, media.PayloadType, media.TelephoneEventPayloadType, ptime, _options.JitterBuffer, media.ComfortNoisePayloadType)
            {
                DigitReceived = digit => DtmfReceived?.Invoke(digit),
                ArrivalToDecoded = _metrics.InboundDelay,
            };
            var previous = _out;
            var sequence = previous?.NextSequence ?? _firstSequence;
            // A codec change keeps our SSRC and sequence; the timestamp jumps ahead (the marker bit flags the new spurt).
            var timestamp = previous is null ? _firstTimestamp : previous.LastTimestamp + (uint)(previous.ClockRate / 10);
            // We send at least one 20 ms frame per packet: the clock makes one packet per frame, and a receiver takes any
            // packet length up to 200 ms (RFC 3551 4.5), so a peer's ptime of 10 shapes what we accept, not what we send.
            var sendPtime = Math.Max(ptime, AudioFormat.FrameMilliseconds);
            _out = new OutboundMedia(encoder, media.PayloadType, media.TelephoneEventPayloadType, sendPtime, _ssrc, sequence, timestamp, media.ComfortNoisePayloadType);
            if (previous is not null)
            {
                _out.ContinueCountsOf(previous);
            }
        }
        if (_srtp is null ? media.Encryption is not null : !_srtp.Keys.HasSameKeys(media.Encryption))
        {
            // New SDES keys (RFC 4568 section 7.1.4): a new SRTP context in both directions; kept keys keep their rollover and replay state.
            _srtp?.Dispose();
            _srtp = media.Encryption is null ? null : new Rtp.Srtp.SrtpSession(media.Encryption);
        }
        if (_media is null || !Equals(_media.RemoteEndpoint, media.RemoteEndpoint))
        {
            SetRemote(media.RemoteEndpoint);
            _latched = false; // a new SDP address: learn again from the peer's packets
        }
        _media = media;
    }

    private void SetRemote(IPEndPoint endpoint)
    {
        var hasAddress = !endpoint.Address.Equals(IPAddress.Any) && !endpoint.Address.Equals(IPAddress.IPv6Any) && endpoint.Port != 0;
        RemoteEndpoint = hasAddress ? endpoint : null;
        if (hasAddress)
        {
            CopyAddress(endpoint.Serialize(), _rtpRemote);
            CopyAddress(new IPEndPoint(endpoint.Address, endpoint.Port + 1).Serialize(), _rtcpRemote);
        }
    }

    private static void CopyAddress(SocketAddress source, SocketAddress destination)
    {
        source.Buffer.CopyTo(destination.Buffer);
        destination.Size = source.Size;
    }

    private long NowMs() => (long)_time.GetElapsedTime(0).TotalMilliseconds;

    private void Fail(CallEndReason reason, string detail) =>
        ThreadPool.UnsafeQueueUserWorkItem(state => Failed?.Invoke(state), new CallEnded(reason, null, detail), preferLocal: false);
}
