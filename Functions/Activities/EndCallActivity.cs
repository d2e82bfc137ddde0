using Microsoft.Extensions.Logging;
using VoiceFunctions.Functions.Timeline;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Ends the call in LiveKit (closes the room) when the control plane is the one ending it.</summary>
public sealed class EndCallActivity(ICallControl control, ILogger<EndCallActivity> logger, CallTimelineRecorder? timeline = null) : CallActivity<EndCallInput, bool>
{
    public override async Task<bool> ExecuteAsync(EndCallInput input, CancellationToken ct)
    {
        ActivityLog.EndingCall(logger, input.CallId, input.Why);
        await timeline.StepIfRecordingAsync(input.CallId, "end", "end call in LiveKit", input.Why, ct).ConfigureAwait(false);
        await control.EndCallAsync(input.RoomName, ct).ConfigureAwait(false);
        return true;
    }
}
