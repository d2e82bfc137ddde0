using System.Net;

namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// The media half of one call, as the SIP stack sees it: a reserved local RTP endpoint, the codecs it can
/// carry, and the audio/DTMF surface the call session hands to the audio loop. The SIP stack builds the SDP
/// from <see cref="LocalEndpoint"/> and <see cref="Codecs"/>, negotiates, then calls <see cref="Start"/>;
/// every later offer/answer (re-INVITE: hold, unhold, codec change) calls <see cref="Update"/>.
/// </summary>
public interface IMediaSession : IAsyncDisposable
{
    /// <summary>The local RTP address and port (RTCP, when used, is port + 1). The SDP advertises this port.</summary>
    IPEndPoint LocalEndpoint { get; }

    /// <summary>
    /// The codecs this session can carry, most preferred first, telephone-event included when DTMF events are
    /// supported. The SIP stack offers them in this order and picks the first one the peer also offers.
    /// </summary>
    IReadOnlyList<MediaCodec> Codecs { get; }

    /// <summary>Starts sending and receiving with the first negotiated media. Called once.</summary>
    void Start(NegotiatedMedia media);

    /// <summary>Applies a renegotiation (hold/unhold, codec or address change) without dropping the call.</summary>
    void Update(NegotiatedMedia media);

    /// <summary>Stops media and releases the port. Safe to call more than once.</summary>
    Task StopAsync();

    /// <summary>Reads the next 20 ms of decoded caller audio (16 kHz mono, <see cref="AudioFormat.SamplesPerFrame"/> samples); false once media has stopped.</summary>
    ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken);

    /// <summary>Queues 20 ms of agent audio for playback; the queue is bounded and the caller waits when it is full.</summary>
    ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken);

    /// <summary>Drops queued agent audio (barge-in); returns how many frames were dropped.</summary>
    int ClearPlayback();

    /// <summary>
    /// Sends a DTMF digit as RFC 4733 telephone-events and completes when it has been sent (true); false at once
    /// when telephone-event was not negotiated or we may not send, so the SIP stack can use SIP INFO instead.
    /// </summary>
    Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Raised once per RFC 4733 DTMF digit received. The SIP stack merges SIP INFO digits with these.</summary>
    event Action<DtmfDigit>? DtmfReceived;

    /// <summary>
    /// Raised when media fails on its own (no RTP for the media timeout, socket error); the SIP stack then
    /// sends BYE and ends the call with this reason and detail.
    /// </summary>
    event Action<CallEnded>? Failed;

    /// <summary>
    /// Caller frames the media clock has already produced that <see cref="ReadFrameAsync"/> has not returned yet: how
    /// many 20 ms slots the reader lags the clock. The echo canceller pairs each caller frame with the agent frame of the
    /// same slot through it. 0 where not known.
    /// </summary>
    int CallerFramesQueued => 0;

    /// <summary>Lets <paramref name="tap"/> see the call's audio from now on (null: stop). A session that cannot does nothing.</summary>
    void AttachAudioTap(IMediaAudioTap? tap)
    {
    }

    /// <summary>
    /// Lets <paramref name="sink"/> see each send slot's agent frame as the media clock sends it (null: stop), beside and
    /// independent of the recording tap: the echo canceller's exact far-end reference. Only
    /// <see cref="IMediaAudioTap.AgentFrame"/> is called. Returns false where the session has no media clock.
    /// </summary>
    bool AttachEchoReference(IMediaAudioTap? sink) => false;

    /// <summary>
    /// The media's quality counters now (for the call's quality reports, every few seconds at most); null before media
    /// started or where the session keeps none.
    /// </summary>
    Quality.MediaQualityCounters? ReadQuality() => null;
}
