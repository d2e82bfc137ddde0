using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// Dispatches the agent by asking LiveKit SIP to call the MediaHost (CreateSIPParticipant through the
/// outbound trunk whose address is the MediaHost) into the call's room. It does not wait for the
/// answer: the orchestration waits for the agent's answer event with its own timeout.
/// </summary>
/// <param name="calledNumbers">Adds the signed called number, so the MediaHost answers with that number's agent (null: not sent).</param>
public sealed class SipAgentDispatcher(SipServiceClient sip, IOptions<AgentDispatchOptions> options, ILogger<SipAgentDispatcher> logger,
    Outbound.CalledNumberSigner? calledNumbers = null) : IAgentDispatcher
{
    public const string RoleAttribute = "voicefunctions.role";
    public const string CallIdAttribute = "voicefunctions.callId";

    public async Task<string> DispatchAsync(string callId, string roomName, int attempt, CancellationToken ct)
    {
        var o = options.Value;
        if (o.MissingSetting is { } missing)
        {
            throw new AgentDispatchRejectedException(missing);
        }
        var identity = AgentIdentity.For(callId, attempt);
        var request = new CreateSipParticipantRequest
        {
            SipTrunkId = o.OutboundTrunkId!,
            SipCallTo = o.MediaHostSipUser,
            RoomName = roomName,
            ParticipantIdentity = identity,
            ParticipantName = "Agent",
            ParticipantAttributes = { [RoleAttribute] = "agent", [CallIdAttribute] = callId },
            RingingTimeout = TimeSpan.FromSeconds(o.RingingTimeoutSeconds),
            // LiveKit SIP sends these on the INVITE: the MediaHost reports the call under this call id.
            Headers = { [AgentCallHeaders.CallId] = callId, [AgentCallHeaders.Room] = roomName },
        };
        if (calledNumbers is not null)
        {
            foreach (var (name, value) in await calledNumbers.HeadersAsync(callId, ct).ConfigureAwait(false))
            {
                request.Headers[name] = value;
            }
        }
        try
        {
            await sip.CreateSipParticipantAsync(request, ct).ConfigureAwait(false);
        }
        catch (LiveKitTimeoutException)
        {
            // The request may have reached LiveKit and be dialing: dialing again could ring the MediaHost
            // twice. Treat it as placed and let the answer timeout decide.
            DispatcherLog.OutcomeUnknown(logger, callId, attempt);
        }
        catch (LiveKitException e) when (!e.IsTransient)
        {
            throw new AgentDispatchRejectedException("LiveKit refused to dial the MediaHost: " + e.Message, e);
        }
        return identity;
    }
}
