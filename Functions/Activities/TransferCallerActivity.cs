using Microsoft.Extensions.Logging;
using VoiceFunctions.Functions.Timeline;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Transfers the caller's SIP participant to a human: the fallback when the agent does not answer, or the agent's own request (LiveKit mode).</summary>
public sealed class TransferCallerActivity(ICallControl control, ILogger<TransferCallerActivity> logger, CallTimelineRecorder? timeline = null) : CallActivity<TransferCallerInput, bool>
{
    public override async Task<bool> ExecuteAsync(TransferCallerInput input, CancellationToken ct)
    {
        ActivityLog.Transferring(logger, input.CallId);
        // The target number stays out of the timeline (phone numbers live only in the record).
        var (step, name, what) = input.Requested
            ? ("agent-transfer", "transfer", "transfer the caller at the agent's request (TransferSIPParticipant)")
            : ("fallback-transfer", "fallback", "transfer the caller to the human fallback");
        await timeline.StepIfRecordingAsync(input.CallId, step, name, what, ct).ConfigureAwait(false);
        try
        {
            await control.TransferAsync(input.RoomName, input.CallerIdentity, input.TransferTo, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await timeline.StepIfRecordingAsync(input.CallId, step + "-failed", name + " failed", e.Message, ct).ConfigureAwait(false);
            throw;
        }
        return true;
    }
}
