using VoiceFunctions.MediaHost.Agent.FrontEnd;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>One 20 ms slot as the input stage saw it.</summary>
/// <param name="Samples">The caller's audio after the front-end (a pooled buffer: the stage that consumes it returns it).</param>
/// <param name="FarEndLevelDbfs">Level of the agent frame that played in the same slot (−96 when the agent was quiet).</param>
/// <param name="AgentAudible">Agent frames are still queued to play after this slot.</param>
/// <param name="FrontEnd">What the front-end learnt from the frame (echo, double talk).</param>
/// <param name="Timestamp">When the frame was read, on the session's <see cref="TimeProvider"/> (the media clock in tests).</param>
internal readonly record struct CallerFrame(short[] Samples, double FarEndLevelDbfs, bool AgentAudible, FrontEndFrame FrontEnd, long Timestamp)
{
    /// <summary>The level of the agent's echo expected in <see cref="Samples"/>, in dBFS: what the front-end says it left,
    /// or — when it does not say — the agent's level <see cref="FrontEndFrame.UnknownEchoLossDb"/> down.</summary>
    public double EchoLevelDbfs => float.IsNaN(FrontEnd.ResidualEchoDbfs) ? FarEndLevelDbfs - FrontEndFrame.UnknownEchoLossDb : FrontEnd.ResidualEchoDbfs;
}
