using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent.Profiles;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The MediaHost's call handler when the AI loop is enabled: admits the call by AI capacity (a call beyond
/// <see cref="AgentCapacityOptions.MaxCalls"/> is refused with the configured SIP status before any media starts),
/// answers it and runs an <see cref="AgentSession"/> on it, as the call's agent profile says (the called number's,
/// the caller ID's on a call we placed, or the default agent; <paramref name="profiles"/> null: the AiLoop settings).
/// The caller-context lookup starts before the answer and is bounded by its timeout, so it never delays the greeting more.
/// </summary>
public sealed class VoiceAgentCallHandler(IOptions<AiLoopOptions> options, AgentDependencies dependencies, AgentCapacity capacity, ILogger<VoiceAgentCallHandler> logger,
    AgentProfiles? profiles = null) : ICallHandler
{
    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        using var place = capacity.TryAdmit();
        if (place is null)
        {
            AgentLog.CapacityFull(logger, call.Call.CallId, capacity.LastRefusal, options.Value.Capacity.RejectStatus);
            dependencies.Metrics.CallRejected();
            await call.RejectAsync(options.Value.Capacity.RejectStatus, "AI capacity full", cancellationToken).ConfigureAwait(false);
            return;
        }
        var profile = profiles?.Choose(call);
        var callerContext = profile is null ? null : profiles!.LookUpCallerContextAsync(profile, call.Call.CallId, cancellationToken);
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        var (agentOptions, agentDependencies) = profile is null ? (options.Value, dependencies)
            : profiles!.Build(profile, call.Call.CallId, await callerContext!.ConfigureAwait(false), dependencies);
        var agent = new AgentSession(session, agentOptions, agentDependencies with { Logger = logger });
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
