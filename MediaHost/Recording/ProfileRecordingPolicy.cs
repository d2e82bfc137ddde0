using VoiceFunctions.MediaHost.Agent.Profiles;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// The recording decision of the agent the call's number chooses (voice.yaml's agents section, <c>recording</c>):
/// used instead of <see cref="OptionsRecordingPolicy"/> when the host reads agent profiles, so each number records
/// (and announces it) or not as its agent says. Recording:Enabled still has to be on: it is what sets up the upload.
/// </summary>
public sealed class ProfileRecordingPolicy(AgentProfileSelector profiles) : IRecordingPolicy
{
    public RecordingDecision Decide(InboundCall call)
    {
        var recording = profiles.Choose(call).Recording;
        return recording.Enabled ? new RecordingDecision(true, recording.ConsentPhrase?.Trim() ?? "") : RecordingDecision.Off;
    }
}
