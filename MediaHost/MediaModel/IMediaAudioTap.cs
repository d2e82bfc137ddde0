namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// Sees a call's audio as the media clock moves it (call recording): each tick's caller frame (decoded, concealed
/// when a packet was missing) and each send slot's agent frame (what actually left, so a barge-in's cut is heard).
/// Called on the media clock's thread under the session's lock: an implementation copies the samples and returns;
/// it never blocks, waits for I/O or allocates per frame.
/// </summary>
public interface IMediaAudioTap
{
    /// <summary>One tick's caller audio: <see cref="AudioFormat.SamplesPerFrame"/> samples at 16 kHz.</summary>
    void CallerFrame(ReadOnlySpan<short> frame);

    /// <summary>One send slot's agent audio (16 kHz, one frame); empty when the slot carried silence or nothing could be sent.</summary>
    void AgentFrame(ReadOnlySpan<short> frame);
}
