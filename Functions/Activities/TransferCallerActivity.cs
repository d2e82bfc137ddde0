using Microsoft.Extensions.Logging;
using VoiceFunctions.Functions.Timeline;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Transfers the caller to a human (the fallback when the agent does not answer).</summary>
public sealed class TransferCallerActivity(ICallControl control, ILogger<TransferCallerActivity> logger, CallTimelineRecorder? timeline = null) : CallActivity<TransferCallerInput, bool>
{
    public override async Task<bool> ExecuteAsync(TransferCallerInput input, CancellationToken ct)
    {
        ActivityLog.Transferring(logger, input.CallId);
        // The target number stays out of the timeline (phone numbers live only in the record).
        await timeline.StepIfRecordingAsync(input.CallId, "fallback-transfer", "fallback", "transfer the caller to the human fallback", ct).ConfigureAwait(false);
        try
        {
            await control.TransferAsync(input.RoomName, input.CallerIdentity, input.TransferTo, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await timeline.StepIfRecordingAsync(input.CallId, "fallback-transfer-failed", "fallback failed", e.Message, ct).ConfigureAwait(false);
            throw;
        }
        return true;
    }
}
