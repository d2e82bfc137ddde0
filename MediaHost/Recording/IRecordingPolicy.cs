using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Decides per call whether it is recorded and with which consent announcement. Today <see cref="OptionsRecordingPolicy"/>
/// (the Recording section, every call alike), or <see cref="ProfileRecordingPolicy"/> when the host reads agent profiles.
/// </summary>
public interface IRecordingPolicy
{
    RecordingDecision Decide(InboundCall call);
}
