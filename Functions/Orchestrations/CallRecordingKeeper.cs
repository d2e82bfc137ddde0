using Microsoft.DurableTask;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Recording;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>
/// The call's recording as the orchestration handles it: started once the agent answered (when the called number is
/// configured for it), stopped before the room goes, and its reported state written into the record. A recording is
/// a side fact of the call: a failure here is logged, never fatal, and leaves the phase and status alone.
/// </summary>
internal sealed class CallRecordingKeeper(CallRun run)
{
    private bool _recordExists;
    private CallRecording? _stored;
    private string? _egressId;

    /// <summary>The record now exists: a recording reported before it is stored now.</summary>
    public Task RecordExistsAsync()
    {
        _recordExists = true;
        return StoreAsync();
    }

    /// <summary>Starts the recording; a failure leaves the call unrecorded, never fails it.</summary>
    public async Task StartAsync()
    {
        try
        {
            _egressId = await run.Context.CallActivityAsync<string?>(RecordingActivityNames.StartRecording,
                new StartRecordingInput(run.CallId, run.Start.RoomName, run.State.Caller?.CalledNumber));
        }
        catch (TaskFailedException e)
        {
            OrchestrationLog.RecordingNotStored(run.Context.CreateReplaySafeLogger<CallOrchestrator>(), run.CallId, "starting the recording failed: " + e.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>Stops a recording we started that has not ended yet, so its file is closed before the room goes.</summary>
    public async Task StopAsync()
    {
        if (_egressId is not { } egressId || run.State.Recording is { Ended: true } done && done.EgressId == egressId)
        {
            return;
        }
        try
        {
            await run.Context.CallActivityAsync<bool>(RecordingActivityNames.StopRecording, new StopRecordingInput(run.CallId, egressId));
        }
        catch (TaskFailedException e)
        {
            OrchestrationLog.RecordingNotStored(run.Context.CreateReplaySafeLogger<CallOrchestrator>(), run.CallId, "stopping the recording failed: " + e.FailureDetails.ErrorMessage);
        }
    }

    /// <summary>Writes the recording's state into the record when it changed (once the record exists).</summary>
    public async Task StoreAsync()
    {
        if (!_recordExists || run.State.Recording is not { } recording || recording == _stored)
        {
            return;
        }
        try
        {
            await run.Context.CallActivityAsync<bool>(ActivityNames.RecordRecording, new RecordRecordingInput(run.CallId, recording),
                TaskOptions.FromRetryPolicy(new RetryPolicy(3, TimeSpan.FromSeconds(1), 2.0)));
            _stored = recording;
        }
        catch (TaskFailedException e)
        {
            OrchestrationLog.RecordingNotStored(run.Context.CreateReplaySafeLogger<CallOrchestrator>(), run.CallId, e.FailureDetails.ErrorMessage);
        }
    }
}
