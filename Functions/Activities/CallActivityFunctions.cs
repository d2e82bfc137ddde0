using Microsoft.Azure.Functions.Worker;

namespace VoiceFunctions.Functions.Activities;

/// <summary>The Azure Functions entries of the call activities: each one calls the activity class of the same name.</summary>
public sealed class CallActivityFunctions(
    OpenCallActivity openCall,
    RecordCallActivity record,
    DispatchAgentActivity dispatch,
    MarkAnsweredActivity markAnswered,
    TransferCallerActivity transfer,
    EndCallActivity endCall,
    FinalizeCallActivity finalize,
    RecordRecordingActivity recordRecording)
{
    [Function(ActivityNames.OpenCall)]
    public Task<OpenCallResult> OpenCall([ActivityTrigger] RecordCallInput input, CancellationToken ct) => openCall.ExecuteAsync(input, ct);

    [Function(ActivityNames.RecordCall)]
    public Task<bool> RecordCall([ActivityTrigger] RecordCallInput input, CancellationToken ct) => record.ExecuteAsync(input, ct);

    [Function(ActivityNames.DispatchAgent)]
    public Task<string> DispatchAgent([ActivityTrigger] DispatchAgentInput input, CancellationToken ct) => dispatch.ExecuteAsync(input, ct);

    [Function(ActivityNames.MarkAnswered)]
    public Task<bool> MarkAnswered([ActivityTrigger] MarkAnsweredInput input, CancellationToken ct) => markAnswered.ExecuteAsync(input, ct);

    [Function(ActivityNames.TransferCaller)]
    public Task<bool> TransferCaller([ActivityTrigger] TransferCallerInput input, CancellationToken ct) => transfer.ExecuteAsync(input, ct);

    [Function(ActivityNames.EndCall)]
    public Task<bool> EndCall([ActivityTrigger] EndCallInput input, CancellationToken ct) => endCall.ExecuteAsync(input, ct);

    [Function(ActivityNames.FinalizeCall)]
    public Task<bool> FinalizeCall([ActivityTrigger] FinalizeCallInput input, CancellationToken ct) => finalize.ExecuteAsync(input, ct);

    [Function(ActivityNames.RecordRecording)]
    public Task<bool> RecordRecording([ActivityTrigger] RecordRecordingInput input, CancellationToken ct) => recordRecording.ExecuteAsync(input, ct);
}
