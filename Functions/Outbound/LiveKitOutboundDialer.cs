using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// LiveKit mode: CreateSIPParticipant dials the callee through the carrier trunk into the call's room and waits for the
/// answer. The room's webhooks then start the call's orchestration, which dispatches the agent as for an inbound call.
/// </summary>
public sealed class LiveKitOutboundDialer(SipServiceClient sip, IOptions<OutboundOptions> options) : IOutboundDialer
{
    public async Task<DialResult> DialAsync(OutboundCallStart call, CancellationToken ct)
    {
        var request = new CreateSipParticipantRequest
        {
            SipTrunkId = options.Value.CalleeTrunkId!,
            SipCallTo = call.To,
            SipNumber = call.From ?? "",
            RoomName = call.CallId,
            ParticipantIdentity = CalleeAttributes.IdentityFor(call.CallId),
            ParticipantName = "Callee",
            // The call's variables and the detection asked for live in the room with the callee (see CalleeAttributes).
            ParticipantAttributes = CalleeAttributes.For(call, options.Value.AmdAction),
            RingingTimeout = TimeSpan.FromSeconds(call.RingTimeoutSeconds),
            WaitUntilAnswered = true,
        };
        try
        {
            await sip.CreateSipParticipantAsync(request, ct).ConfigureAwait(false);
            return new DialResult(DialOutcome.Answered, 200, "200 OK");
        }
        catch (LiveKitApiException e) when (e.SipStatusCode is { } status)
        {
            return DialResult.FromSip(status, e.SipStatus ?? "");
        }
        catch (LiveKitTimeoutException)
        {
            // Past the ring timeout and the margin: the callee did not answer in time (LiveKit ends the dial itself).
            return new DialResult(DialOutcome.NoAnswer, null, "no answer before the ring timeout");
        }
        catch (LiveKitException e) when (!e.IsTransient)
        {
            return new DialResult(DialOutcome.Rejected, null, "LiveKit refused the dial: " + e.Message);
        }
    }
}
