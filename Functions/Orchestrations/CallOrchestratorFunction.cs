using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>The Azure Functions entry of <see cref="CallOrchestrator"/> (same name, same code).</summary>
public static class CallOrchestratorFunction
{
    [Function(nameof(CallOrchestrator))]
    public static Task<CallResult> Run([OrchestrationTrigger] TaskOrchestrationContext context, CallStart input) =>
        new CallOrchestrator().RunAsync(context, input);
}
