using Microsoft.Azure.Functions.Worker;

namespace VoiceFunctions.Functions.Recording;

/// <summary>The Azure Functions wrappers of the recording activities (the in-process host runs the classes directly).</summary>
public sealed class RecordingActivityFunctions(StartRecordingActivity start, StopRecordingActivity stop)
{
    [Function(RecordingActivityNames.StartRecording)]
    public Task<string?> StartRecording([ActivityTrigger] StartRecordingInput input, CancellationToken ct) => start.ExecuteAsync(input, ct);

    [Function(RecordingActivityNames.StopRecording)]
    public Task<bool> StopRecording([ActivityTrigger] StopRecordingInput input, CancellationToken ct) => stop.ExecuteAsync(input, ct);
}
