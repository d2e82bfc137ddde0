using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Ends the call in LiveKit (closes the room) when the control plane is the one ending it.</summary>
public sealed class EndCallActivity(ICallControl control, ILogger<EndCallActivity> logger) : CallActivity<EndCallInput, bool>
{
    public override async Task<bool> ExecuteAsync(EndCallInput input, CancellationToken ct)
    {
        ActivityLog.EndingCall(logger, input.CallId, input.Why);
        await control.EndCallAsync(input.RoomName, ct).ConfigureAwait(false);
        return true;
    }
}
