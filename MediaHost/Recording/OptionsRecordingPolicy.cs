using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>The recording decision from the Recording section: the same for every call.</summary>
public sealed class OptionsRecordingPolicy(IOptions<RecordingOptions> options) : IRecordingPolicy
{
    public RecordingDecision Decide(InboundCall call) =>
        options.Value.Enabled ? new RecordingDecision(true, options.Value.ConsentPhrase.Trim()) : RecordingDecision.Off;
}
