namespace VoiceFunctions.MediaHost.Media;

/// <summary>Something the media clock drives once per 20 ms frame (one call's media).</summary>
public interface IMediaClockTarget
{
    /// <summary>Runs one frame's work. Must not block or throw; <paramref name="nowMs"/> is the clock's time in ms.</summary>
    void OnTick(long nowMs);
}
