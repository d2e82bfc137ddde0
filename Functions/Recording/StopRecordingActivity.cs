using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;

namespace VoiceFunctions.Functions.Recording;

/// <summary>
/// Stops the call's recording at the end of the call, so the file is closed and uploaded before the room
/// goes. An egress that already ended (LiveKit answers not_found or failed_precondition) is not an error.
/// Its egress_ended webhook records the result, also after the orchestration finished.
/// </summary>
public sealed class StopRecordingActivity(EgressClient egress) : CallActivity<StopRecordingInput, bool>
{
    public override async Task<bool> ExecuteAsync(StopRecordingInput input, CancellationToken ct)
    {
        try
        {
            await egress.StopEgressAsync(input.EgressId, ct).ConfigureAwait(false);
            return true;
        }
        catch (LiveKitApiException e) when (e is LiveKitNotFoundException || e.Code == TwirpErrorCode.FailedPrecondition)
        {
            return false;
        }
    }
}
