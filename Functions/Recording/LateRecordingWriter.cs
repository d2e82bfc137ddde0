using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// Stores an egress report that arrives when the call's orchestration has already finished (egress_ended
/// comes after the upload, often after the room closed): folded into the record, as the orchestration would.
/// </summary>
public sealed class LateRecordingWriter(CallStore store)
{
    /// <returns>False when there is no record for the call.</returns>
    public async Task<bool> StoreAsync(string callId, CallRecording recording, CancellationToken ct) =>
        await store.UpdateAsync(callId, r => r with { Recording = CallRecording.Fold(r.Recording, recording) }, ct).ConfigureAwait(false) is not null;
}
