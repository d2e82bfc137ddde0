using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Dispatches a LiveKit agent (AgentDispatchService.CreateDispatch) into the call's room.</summary>
public sealed class LiveKitAgentDispatcher(AgentDispatchClient dispatch, IOptions<AgentDispatchOptions> options) : IAgentDispatcher
{
    public async Task<string> DispatchAsync(string callId, string roomName, int attempt, CancellationToken ct)
    {
        if (options.Value.MissingSetting is { } missing)
        {
            throw new AgentDispatchRejectedException(missing);
        }
        try
        {
            var created = await dispatch.CreateDispatchAsync(new CreateAgentDispatchRequest
            {
                AgentName = options.Value.AgentName!,
                Room = roomName,
                Metadata = callId,
                Attributes = { [SipAgentDispatcher.CallIdAttribute] = callId },
            }, ct).ConfigureAwait(false);
            return created.Id;
        }
        catch (LiveKitException e) when (!e.IsTransient)
        {
            throw new AgentDispatchRejectedException("LiveKit refused the agent dispatch: " + e.Message, e);
        }
    }
}
