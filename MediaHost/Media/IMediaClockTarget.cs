namespace VoiceFunctions.MediaHost.Media;

/// <summary>Something the media clock drives once per 20 ms frame (one call's media).</summary>
public interface IMediaClockTarget
{
    /// <summary>Runs one frame's work. Must not block or throw; <paramref name="nowMs"/> is the tick's due time in ms on the clock's time provider (ticks caught up after a stall run later than that, but each keeps its own time).</summary>
    void OnTick(long nowMs);
}
