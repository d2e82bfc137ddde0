using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Transfers the caller to a human (the fallback when the agent does not answer).</summary>
public sealed class TransferCallerActivity(ICallControl control, ILogger<TransferCallerActivity> logger) : CallActivity<TransferCallerInput, bool>
{
    public override async Task<bool> ExecuteAsync(TransferCallerInput input, CancellationToken ct)
    {
        ActivityLog.Transferring(logger, input.CallId);
        await control.TransferAsync(input.RoomName, input.CallerIdentity, input.TransferTo, ct).ConfigureAwait(false);
        return true;
    }
}
