namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Follows the caller's pitch and loudness through a turn and says, at a pause, whether the voice ended the way
/// statements end (<see cref="PauseContour.Final"/>: the pitch at the bottom of this turn's range and falling, the voice
/// fading) or held the turn (<see cref="PauseContour.Continuing"/>: level or rising, above the bottom). Pitch is in
/// semitones and judged against the caller's own range in this turn, so it works for low and high voices alike.
/// One per call; the buffers are allocated once (a 30 s turn of voiced frames), nothing per frame.
/// </summary>
public sealed class PauseContourTracker
{
    /// <summary>Voiced frames needed before a contour is judged (200 ms): a shorter turn has no range to judge against.</summary>
    public const int MinVoicedFrames = 10;

    /// <summary>The pitch ends in the lowest part of the turn's range (0 = its 10th percentile, 1 = its 90th).</summary>
    public const float FinalPosition = 0.15f;

    /// <summary>…and fell into the pause by at least this many semitones (the last 60 ms against the 100 ms before).</summary>
    public const float FinalFallSemitones = 0.3f;

    /// <summary>…and the voice faded: the last voiced frames this many dB below the turn's median level.</summary>
    public const float FinalFadeDb = 3f;

    /// <summary>Level or rising into the pause by at least this many semitones, or ending at least halfway up the range.</summary>
    public const float ContinuingRiseSemitones = 0.5f;

    /// <inheritdoc cref="ContinuingRiseSemitones"/>
    public const float ContinuingPosition = 0.5f;

    private const int Capacity = 1_500; // 30 s of voiced frames: the endpointer's longest turn
    private const int EndFrames = 3;
    private const int BeforeFrames = 5;
    private readonly PitchTracker _pitch = new();
    private readonly float[] _semitones = new float[Capacity];
    private readonly float[] _levels = new float[Capacity];
    private readonly float[] _sorted = new float[Capacity];
    private int _count;

    /// <summary>A new turn: the pitch range and levels heard so far belong to the previous one.</summary>
    public void TurnStarted()
    {
        _count = 0;
        _pitch.Reset();
    }

    /// <summary>One 20 ms frame of the turn (16 kHz); <paramref name="isSpeech"/> is the voice activity verdict. Every
    /// frame moves the pitch tracker's window; only voiced speech frames are kept.</summary>
    public void OnFrame(ReadOnlySpan<short> frame, bool isSpeech)
    {
        var hz = _pitch.Next(frame);
        if (!isSpeech || hz <= 0 || _count == Capacity)
        {
            return;
        }
        _semitones[_count] = 12f * MathF.Log2(hz / 100f);
        _levels[_count] = LevelDb(frame);
        _count++;
    }

    /// <summary>The contour of the speech before the current pause.</summary>
    public PauseContour Judge()
    {
        if (_count < MinVoicedFrames)
        {
            return PauseContour.Unknown;
        }
        var (low, high) = Range();
        var end = MedianOf(_semitones.AsSpan(_count - EndFrames, EndFrames));
        var before = MedianOf(_semitones.AsSpan(_count - EndFrames - BeforeFrames, BeforeFrames));
        var position = (end - low) / Math.Max(high - low, 1f);
        var rise = end - before;
        var fade = MedianOf(_levels.AsSpan(0, _count)) - Mean(_levels.AsSpan(_count - EndFrames, EndFrames));
        if (position <= FinalPosition && rise <= -FinalFallSemitones && fade >= FinalFadeDb)
        {
            return PauseContour.Final;
        }
        return rise >= ContinuingRiseSemitones || position >= ContinuingPosition ? PauseContour.Continuing : PauseContour.Unknown;
    }

    private (float Low, float High) Range()
    {
        var sorted = _sorted.AsSpan(0, _count);
        _semitones.AsSpan(0, _count).CopyTo(sorted);
        sorted.Sort();
        return (sorted[_count / 10], sorted[9 * _count / 10]);
    }

    private float MedianOf(ReadOnlySpan<float> values)
    {
        var sorted = _sorted.AsSpan(0, values.Length);
        values.CopyTo(sorted);
        sorted.Sort();
        return sorted[values.Length / 2];
    }

    private static float Mean(ReadOnlySpan<float> values)
    {
        var sum = 0f;
        foreach (var v in values)
        {
            sum += v;
        }
        return sum / values.Length;
    }

    private static float LevelDb(ReadOnlySpan<short> frame)
    {
        double energy = 0;
        foreach (var s in frame)
        {
            energy += s * s;
        }
        return (float)(10 * Math.Log10((energy / Math.Max(frame.Length, 1) / (32768.0 * 32768.0)) + 1e-12));
    }
}
