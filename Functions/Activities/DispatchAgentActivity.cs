using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Dispatches the agent into the call's room. Returns the agent's participant identity.</summary>
public sealed class DispatchAgentActivity(IAgentDispatcher dispatcher, ILogger<DispatchAgentActivity> logger) : CallActivity<DispatchAgentInput, string>
{
    public override async Task<string> ExecuteAsync(DispatchAgentInput input, CancellationToken ct)
    {
        ActivityLog.Dispatching(logger, input.CallId, input.Attempt);
        return await dispatcher.DispatchAsync(input.CallId, input.RoomName, input.Attempt, ct).ConfigureAwait(false);
    }
}
