using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Calls;

/// <summary>
/// The small surface the audio loop uses for an answered call. The SIP/RTP stack implements it;
/// the agent needs nothing else, and tests implement it in-process.
/// </summary>
public interface ICallSession
{
    InboundCall Call { get; }

    /// <summary>
    /// Reads the next 20 ms of decoded caller audio (16 kHz mono, <see cref="AudioFormat.SamplesPerFrame"/> samples)
    /// into <paramref name="destination"/>. Returns false once the call has ended. Frames arrive at the
    /// media clock's pace; concealed frames are delivered too, so time never jumps.
    /// </summary>
    ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken);

    /// <summary>
    /// Queues 20 ms of agent audio for playback. The queue is bounded; the call waits when it is full.
    /// The caller may reuse <paramref name="frame"/> as soon as this returns. On an RTP call a frame written in step
    /// with the media clock (its 20 ms slot open and not yet sent) goes on the wire during this call; frames written
    /// ahead of the clock leave one per 20 ms, each as its slot opens.
    /// </summary>
    ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken);

    /// <summary>Drops every queued agent frame at once (barge-in); returns how many frames were dropped.</summary>
    int ClearPlayback();

    /// <summary>DTMF digits from the caller (RFC 4733 or SIP INFO), each reported once.</summary>
    IAsyncEnumerable<DtmfDigit> DtmfDigits(CancellationToken cancellationToken);

    /// <summary>
    /// Sends a DTMF digit (0-9, *, #, A-D; anything else throws <see cref="ArgumentException"/>) to the far end:
    /// RFC 4733 telephone-events in the RTP stream when they were negotiated, otherwise SIP INFO
    /// (application/dtmf-relay). Completes once the digit is sent (its last event packet is on the wire, or the
    /// INFO was answered): true, or false when the call is not connected or the peer refused the INFO.
    /// Digits sent one after another are played one after another.
    /// </summary>
    Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Completes when the call ends, for whatever reason.</summary>
    Task<CallEnded> Ended { get; }

    /// <summary>Hangs up (BYE) with the reason we record.</summary>
    Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken);

    /// <summary>Blind transfer (SIP REFER) to <paramref name="target"/> (sip:, sips: or tel: URI).</summary>
    Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken);

    /// <summary>
    /// Caller frames the media clock has already produced that <see cref="ReadFrameAsync"/> has not returned yet (how
    /// many 20 ms slots the reader lags the call): the echo canceller pairs each caller frame with the agent frame that
    /// played in the same slot through it. 0 where not known (the reader is then taken to be in step).
    /// </summary>
    int CallerFramesQueued => 0;

    /// <summary>
    /// Lets <paramref name="tap"/> see the call's audio on the media clock from now on (call recording; null: stop):
    /// the caller's frames and the agent's frames as they are sent. A session without a media clock does nothing.
    /// </summary>
    void AttachAudioTap(IMediaAudioTap? tap)
    {
    }

    /// <summary>
    /// Lets <paramref name="sink"/> see each send slot's agent frame as the media clock sends it (null: stop), independent
    /// of <see cref="AttachAudioTap"/>: the echo canceller's exact far-end reference. False where the call has no media
    /// clock (the agent then follows its own playback).
    /// </summary>
    bool AttachEchoReference(IMediaAudioTap? sink) => false;

    /// <summary>The call's media quality counters now (null before media started, or where none are kept): for the quality reports.</summary>
    Quality.MediaQualityCounters? ReadQuality() => null;
}
