using System.Collections.Concurrent;
using VoiceFunctions.Functions.Activities;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// An agent dispatcher whose answers a test scripts: each call takes the next scripted step (succeed,
/// transient failure, permanent failure); once the script is used up it succeeds.
/// </summary>
public sealed class ScriptedAgentDispatcher : IAgentDispatcher
{
    private readonly ConcurrentQueue<Func<string>> _script = new();
    private TaskCompletionSource? _gate;

    public ConcurrentQueue<(string CallId, int Attempt)> Calls { get; } = new();

    public ScriptedAgentDispatcher FailTransiently(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _script.Enqueue(() => throw new HttpRequestException("LiveKit answered 503"));
        }
        return this;
    }

    public ScriptedAgentDispatcher FailPermanently(int times)
    {
        for (var i = 0; i < times; i++)
        {
            _script.Enqueue(() => throw new AgentDispatchRejectedException("outbound trunk ST_missing not found"));
        }
        return this;
    }

    /// <summary>Dispatches wait until <see cref="Release"/> (a LiveKit that takes its time to answer), then follow the script.</summary>
    public ScriptedAgentDispatcher Hold()
    {
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return this;
    }

    public void Release() => _gate?.TrySetResult();

    public async Task<string> DispatchAsync(string callId, string roomName, int attempt, CancellationToken ct)
    {
        Calls.Enqueue((callId, attempt));
        if (_gate is { } gate)
        {
            await gate.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        var step = _script.TryDequeue(out var s) ? s : () => "agent-" + callId + "-" + attempt;
        return step();
    }
}
