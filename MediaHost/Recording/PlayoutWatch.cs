using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Tells when audio written to a call has been sent: attached as the call's tap while an announcement plays, it
/// completes <see cref="Played"/> at the first silent send slot once the announcement's last frame was written
/// (the playback queue has drained).
/// </summary>
public sealed class PlayoutWatch : IMediaAudioTap
{
    private readonly TaskCompletionSource _played = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile bool _allWritten;

    public Task Played => _played.Task;

    /// <summary>The announcement's last frame has been written: the next silent slot means it has all been sent.</summary>
    public void AllWritten() => _allWritten = true;

    public void CallerFrame(ReadOnlySpan<short> frame)
    {
    }

    public void AgentFrame(ReadOnlySpan<short> frame)
    {
        if (frame.IsEmpty && _allWritten)
        {
            _played.TrySetResult();
        }
    }
}
