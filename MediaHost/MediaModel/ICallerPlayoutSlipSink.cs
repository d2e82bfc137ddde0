namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// An echo reference (<see cref="IMediaAudioTap"/> attached as one) that also follows where each caller frame's content
/// sits in the caller's own timeline. The jitter buffer inserts concealed frames to grow its delay and skips packets to
/// shrink it: each moves the caller's audio, echo included, by a packet time against the media clock, and a canceller
/// paired slot by slot would see the echo path jump by 20–60 ms mid-call. Called on the media clock's thread under the
/// session's lock, once per caller frame produced, in order; never blocks or allocates.
/// </summary>
public interface ICallerPlayoutSlipSink
{
    /// <summary>The clock produced one caller frame; <paramref name="playoutSlipMs"/> is how far (ms) playout has fallen
    /// behind the caller's timeline since it began (it grows with inserted frames, shrinks with skipped packets).</summary>
    void CallerFrameProduced(long playoutSlipMs);
}
