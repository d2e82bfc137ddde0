using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// LiveKit mode: the signed headers the agent's INVITE carries, which the agent's leg cannot learn otherwise (to the
/// MediaHost it looks like any inbound call). Our number on the call (<see cref="CalledNumberHeader"/>): the number the
/// caller dialled, or on a call we placed the caller ID we called from (without one: the trunk's number LiveKit called
/// from, named on the callee's participant), which chooses that number's agent; none when neither is known. On a call we placed,
/// also its <see cref="OutboundCallContext"/> (callee, answering-machine detection, per-call variables), read from the
/// callee's participant in the room (<see cref="CalleeAttributes"/>). All signed with the AgentEvents key shared with
/// the MediaHost; without a key nothing is sent (the MediaHost would ignore it).
/// </summary>
/// <param name="rooms">Reads the callee's participant (null: no outbound context is sent).</param>
public sealed class CalledNumberSigner(CallStore calls, IOptions<AgentEventsOptions> keys, TimeProvider time,
    RoomServiceClient? rooms = null, ILogger<CalledNumberSigner>? logger = null)
{
    public async Task<IReadOnlyDictionary<string, string>> HeadersAsync(string callId, CancellationToken ct)
    {
        var key = keys.Value;
        var headers = new Dictionary<string, string>();
        var record = key.Secret.Length == 0 ? null : await calls.GetAsync(callId, ct).ConfigureAwait(false);
        if (record is null)
        {
            return headers;
        }
        var outbound = OutboundCallIds.IsOutbound(callId);
        var secret = Encoding.UTF8.GetBytes(key.Secret);
        var callee = outbound ? await CalleeAsync(callId, ct).ConfigureAwait(false) : null;
        // Our number on the call chooses the agent: the number dialled on an inbound call, our caller ID on a call we
        // placed; a call placed without one shows the trunk's own number, which LiveKit names on the callee's participant.
        var ours = outbound
            ? record.CallerNumber ?? (callee?.Attributes.TryGetValue(Shared.LiveKit.Webhooks.Models.SipParticipantAttributes.TrunkPhoneNumberKey, out var trunkNumber) == true ? trunkNumber : null)
            : record.CalledNumber;
        if (ours is { Length: > 0 } called)
        {
            headers[CalledNumberHeader.Name] = called;
            headers[CalledNumberHeader.SignatureName] = BodySignature.Sign(CalledNumberHeader.SignedBytes(callId, called), key.KeyId, secret, time.GetUtcNow());
        }
        if (callee is not null && CalleeAttributes.ContextOf(callee.Attributes, record.CalledNumber ?? "") is { } context)
        {
            var encoded = context.Encode();
            headers[OutboundCallContext.HeaderName] = encoded;
            headers[OutboundCallContext.SignatureHeaderName] = BodySignature.Sign(OutboundCallContext.SignedBytes(callId, encoded), key.KeyId, secret, time.GetUtcNow());
        }
        return headers;
    }

    /// <summary>The callee's participant (its attributes carry the call's context); null when it is not in the room (it left: the agent is not needed).</summary>
    private async Task<ParticipantInfo?> CalleeAsync(string callId, CancellationToken ct)
    {
        if (rooms is null)
        {
            return null;
        }
        try
        {
            return await rooms.GetParticipantAsync(callId, CalleeAttributes.IdentityFor(callId), ct).ConfigureAwait(false);
        }
        catch (LiveKitNotFoundException)
        {
            if (logger is not null)
            {
                OutboundLog.CalleeNotInRoom(logger, callId);
            }
            return null;
        }
    }
}
