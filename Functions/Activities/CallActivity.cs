using Microsoft.DurableTask;

namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// An activity of the call orchestration. The same class runs under the Durable Task worker (the
/// in-process host of the tests and the local host) and under Azure Functions, whose thin
/// <c>[ActivityTrigger]</c> wrappers in <see cref="CallActivityFunctions"/> call <see cref="ExecuteAsync"/>.
/// The activity's name is its class name in both.
/// </summary>
public abstract class CallActivity<TInput, TOutput> : TaskActivity<TInput, TOutput>
{
    public sealed override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) => ExecuteAsync(input, CancellationToken.None);

    public abstract Task<TOutput> ExecuteAsync(TInput input, CancellationToken ct);
}
