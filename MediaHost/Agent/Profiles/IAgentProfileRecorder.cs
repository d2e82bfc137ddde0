namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>Implemented by an incoming call that reports its life (the control-plane reporting): told which agent
/// profile answers before the call is answered, it reports the profile with the answer, on the call's record and timeline.</summary>
public interface IAgentProfileRecorder
{
    void AgentProfileChosen(string profileId);
}
