using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Records when the agent answered (the first answer wins; a retry writes nothing).</summary>
public sealed class MarkAnsweredActivity(CallStore store, CallTimelineRecorder? timeline = null) : CallActivity<MarkAnsweredInput, bool>
{
    public override async Task<bool> ExecuteAsync(MarkAnsweredInput input, CancellationToken ct)
    {
        var record = await store.UpdateAsync(input.CallId, r => r.AnsweredAt is null
            ? r with { AnsweredAt = input.AnsweredAt, DispatchAttempts = input.DispatchAttempts }
            : null, ct).ConfigureAwait(false);
        await timeline.StepIfRecordingAsync(input.CallId, "answered", "answered", $"after {input.DispatchAttempts} dispatch attempt(s)", ct, input.AnsweredAt).ConfigureAwait(false);
        return record is not null;
    }
}
