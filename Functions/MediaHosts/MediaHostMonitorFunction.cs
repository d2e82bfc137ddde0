using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>The Azure Functions entry of <see cref="MediaHostMonitor"/> (same name, same code).</summary>
public static class MediaHostMonitorFunction
{
    [Function(nameof(MediaHostMonitor))]
    public static Task<string> Run([OrchestrationTrigger] TaskOrchestrationContext context, MediaHostWatch input) =>
        new MediaHostMonitor().RunAsync(context, input);
}
