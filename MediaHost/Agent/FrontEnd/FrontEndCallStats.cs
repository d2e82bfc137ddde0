namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>One call's front-end facts so far: how much echo was removed while the agent talked and how long the caller
/// talked over it. Pure counting, no allocation; read at the end of the call for its metrics and timeline.</summary>
public sealed class FrontEndCallStats
{
    private const double FrameSeconds = 0.02;

    private double _erleSum;

    public int Frames { get; private set; }

    public int FarEndActiveFrames { get; private set; }

    public int DoubleTalkFrames { get; private set; }

    /// <summary>Mean per-frame ERLE over the frames where the agent talked, in dB; null when it never did.</summary>
    public double? MeanErleDb => FarEndActiveFrames == 0 ? null : _erleSum / FarEndActiveFrames;

    /// <summary>Time the caller talked over the agent, in seconds.</summary>
    public double DoubleTalkSeconds => DoubleTalkFrames * FrameSeconds;

    public void Add(FrontEndFrame frame)
    {
        Frames++;
        if (frame.FarEndActive)
        {
            FarEndActiveFrames++;
            _erleSum += frame.EchoReturnLossEnhancementDb;
        }
        if (frame.DoubleTalk)
        {
            DoubleTalkFrames++;
        }
    }
}
