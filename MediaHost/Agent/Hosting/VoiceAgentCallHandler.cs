using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>The MediaHost's call handler when the AI loop is enabled: answers the call and runs an <see cref="AgentSession"/> on it.</summary>
public sealed class VoiceAgentCallHandler(IOptions<AiLoopOptions> options, AgentDependencies dependencies, ILogger<VoiceAgentCallHandler> logger) : ICallHandler
{
    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        var agent = new AgentSession(session, options.Value, dependencies with { Logger = logger });
        try
        {
            await agent.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The session handles provider failures itself; anything reaching here is a bug. End the call cleanly.
            AgentLog.TurnCrashed(logger, e, call.Call.CallId, 0);
            if (!session.Ended.IsCompleted)
            {
                await session.HangUpAsync(CallEndReason.Error, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }
}
