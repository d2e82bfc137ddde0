namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Keeps the agent from interrupting itself: while its audio plays, caller frames well below the agent's own
/// recent level are taken as line echo, not speech. The agent level is a peak hold of the frames handed to
/// the call, decaying 1 dB per 20 ms so that it follows the voice without forgetting it between syllables.
/// </summary>
public sealed class EchoGuard(double marginDb)
{
    private const double SilenceDbfs = -96;
    private const double DecayPerFrameDb = 1;
    private readonly object _gate = new();
    private double _agentLevel = SilenceDbfs;

    /// <summary>Called by the playback writer for every agent frame.</summary>
    public void AgentFrame(double levelDbfs)
    {
        lock (_gate)
        {
            _agentLevel = Math.Max(_agentLevel, levelDbfs);
        }
    }

    /// <summary>Called by the input loop once per caller frame: whether that frame is probably echo.</summary>
    public bool IsEcho(double callerLevelDbfs, bool agentAudible)
    {
        lock (_gate)
        {
            var echo = agentAudible && callerLevelDbfs < _agentLevel - marginDb;
            _agentLevel = agentAudible ? Math.Max(SilenceDbfs, _agentLevel - DecayPerFrameDb) : SilenceDbfs;
            return echo;
        }
    }
}
