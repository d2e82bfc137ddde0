using Microsoft.Azure.Functions.Worker;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>The Azure Functions entry of <see cref="RecordLostCallsActivity"/> (same name, same code).</summary>
public sealed class MediaHostActivityFunctions(RecordLostCallsActivity recordLostCalls)
{
    [Function(RecordLostCallsActivity.Name)]
    public Task<int> RecordLostCalls([ActivityTrigger] LostCalls input, CancellationToken ct) => recordLostCalls.ExecuteAsync(input, ct);
}
