using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Transfers and ends calls through the LiveKit server API.</summary>
public sealed class LiveKitCallControl(RoomServiceClient rooms, SipServiceClient sip) : ICallControl
{
    public Task TransferAsync(string roomName, string callerIdentity, string transferTo, CancellationToken ct) =>
        sip.TransferSipParticipantAsync(new TransferSipParticipantRequest
        {
            RoomName = roomName,
            ParticipantIdentity = callerIdentity,
            TransferTo = transferTo,
            PlayDialtone = true,
        }, ct);

    public async Task EndCallAsync(string roomName, CancellationToken ct)
    {
        try
        {
            await rooms.DeleteRoomAsync(roomName, ct).ConfigureAwait(false);
        }
        catch (LiveKitNotFoundException)
        {
            // Already gone: the call is over either way.
        }
    }
}
