using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// SIP.CreateSIPParticipant (grant sip.call) and SIP.TransferSIPParticipant (sip.call + roomAdmin of the
/// room). A dial puts a SIP participant in the room, then awaits the test's hook, which may make a real SIP
/// call or throw a <see cref="LoopbackTwirpException"/> (e.g. SIP 486) to fail the dial. A transfer awaits the test's
/// transfer hook the same way (LiveKit answers TransferSIPParticipant once the far end took the call or refused it).
/// </summary>
internal sealed class LoopbackSipCallService(LoopbackLiveKitState state, Func<Func<LoopbackSipDial, CancellationToken, Task>?> dialHook,
    Func<Func<TransferSipParticipantRequest, CancellationToken, Task>?>? transferHook = null)
{
    public void MapTo(LoopbackRouteTable routes)
    {
        routes.Map<CreateSipParticipantRequest, SipParticipantInfo>(LiveKitApiMethods.CreateSipParticipant, (c, _) => LoopbackGrants.SipCall(c), DialAsync);
        routes.Map<TransferSipParticipantRequest, LoopbackEmpty>(
            LiveKitApiMethods.TransferSipParticipant,
            (c, r) =>
            {
                LoopbackGrants.SipCall(c);
                LoopbackGrants.RoomAdmin(c, r.RoomName);
            },
            TransferAsync);
    }

    private async Task<SipParticipantInfo> DialAsync(CreateSipParticipantRequest request, CancellationToken cancellationToken)
    {
        if (request.SipCallTo.Length == 0)
        {
            throw LoopbackTwirpException.Invalid("missing sip call to");
        }
        if (request.SipCallTo.Contains('@'))
        {
            throw LoopbackTwirpException.Invalid("SipCallTo should be a phone number or SIP user, not a full SIP URI");
        }
        if (request.RoomName.Length == 0)
        {
            throw LoopbackTwirpException.Invalid("missing room name");
        }
        if (request.SipTrunkId.Length == 0)
        {
            throw LoopbackTwirpException.Invalid("missing sip trunk id");
        }
        SipOutboundTrunkInfo trunk;
        SipParticipantInfo result;
        lock (state.Lock)
        {
            trunk = LoopbackLiveKitState.Copy(state.OutboundTrunks.GetValueOrDefault(request.SipTrunkId)
                ?? throw LoopbackTwirpException.NotFound("requested sip trunk does not exist"));
            var callId = LoopbackLiveKitState.NewId("SCL_");
            var identity = request.ParticipantIdentity.Length > 0 ? request.ParticipantIdentity : "sip_" + request.SipCallTo;
            var attributes = new Dictionary<string, string>(request.ParticipantAttributes)
            {
                ["sip.callID"] = callId,
                ["sip.trunkID"] = trunk.SipTrunkId,
                ["sip.phoneNumber"] = request.SipCallTo,
                ["sip.hostname"] = trunk.Address,
                ["sip.trunkPhoneNumber"] = request.SipNumber.Length > 0 ? request.SipNumber : trunk.Numbers.FirstOrDefault() ?? "",
                ["sip.callStatus"] = request.WaitUntilAnswered ? "active" : "dialing",
            };
            state.DialsMade.Add(request);
            var participant = state.AddParticipant(request.RoomName, identity, ParticipantKind.Sip, attributes,
                request.ParticipantName.Length > 0 ? request.ParticipantName : "Phone " + request.SipCallTo, request.ParticipantMetadata);
            result = new SipParticipantInfo { ParticipantId = participant.Sid, ParticipantIdentity = identity, RoomName = request.RoomName, SipCallId = callId };
        }
        if (dialHook() is { } hook)
        {
            try
            {
                await hook(new LoopbackSipDial(request, trunk, result), cancellationToken).ConfigureAwait(false);
            }
            catch (LoopbackTwirpException)
            {
                lock (state.Lock)
                {
                    // The callee never answered: the SIP participant leaves the room.
                    state.Participants.GetValueOrDefault(request.RoomName)?.Remove(result.ParticipantIdentity);
                    state.RefreshCounts(request.RoomName);
                }
                throw;
            }
        }
        return result;
    }

    private async Task<LoopbackEmpty> TransferAsync(TransferSipParticipantRequest request, CancellationToken cancellationToken)
    {
        var target = request.TransferTo.Trim();
        if (target.StartsWith('<') && target.EndsWith('>'))
        {
            target = target[1..^1];
        }
        if (!(target.StartsWith("sip:", StringComparison.Ordinal) || target.StartsWith("sips:", StringComparison.Ordinal) || target.StartsWith("tel:", StringComparison.Ordinal)))
        {
            throw LoopbackTwirpException.Invalid("transfer_to must start with sip:, sips: or tel:");
        }
        lock (state.Lock)
        {
            var participant = state.Participants.GetValueOrDefault(request.RoomName)?.GetValueOrDefault(request.ParticipantIdentity)
                ?? throw LoopbackTwirpException.NotFound("participant does not exist");
            if (participant.Kind != ParticipantKind.Sip)
            {
                throw new LoopbackTwirpException(Shared.LiveKit.Api.Errors.TwirpErrorCode.FailedPrecondition, "participant is not a SIP participant");
            }
            state.TransfersMade.Add(request);
        }
        if (transferHook?.Invoke() is { } hook)
        {
            await hook(request, cancellationToken).ConfigureAwait(false);
        }
        return new LoopbackEmpty();
    }
}
