using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// Stores the call's recording state in its record. Only the recording changes (never the outcome or
/// the phase), and the stored state is folded with the new one, so a retry or an out-of-order report
/// writes nothing or keeps the newer state.
/// </summary>
public sealed class RecordRecordingActivity(CallStore store) : CallActivity<RecordRecordingInput, bool>
{
    public override async Task<bool> ExecuteAsync(RecordRecordingInput input, CancellationToken ct)
    {
        var record = await store.UpdateAsync(input.CallId, r => r with { Recording = CallRecording.Fold(r.Recording, input.Recording) }, ct).ConfigureAwait(false);
        return record is not null;
    }
}
