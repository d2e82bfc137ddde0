using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>The Azure Functions entries of the outbound orchestration and its activities (each calls the class of the same name).</summary>
public sealed class OutboundFunctions(DialCalleeActivity dial, RecordUnansweredCallActivity recordUnanswered, AnsweredCallStarter answered, DeliverPostCallReportActivity deliver)
{
    [Function(nameof(OutboundCallOrchestrator))]
    public static Task<DialResult> Run([OrchestrationTrigger] TaskOrchestrationContext context, OutboundCallStart input) =>
        new OutboundCallOrchestrator().RunAsync(context, input);

    [Function(OutboundActivityNames.DialCallee)]
    public Task<DialResult> DialCallee([ActivityTrigger] OutboundCallStart input, CancellationToken ct) => dial.ExecuteAsync(input, ct);

    [Function(OutboundActivityNames.RecordUnansweredCall)]
    public Task<bool> RecordUnansweredCall([ActivityTrigger] UnansweredCallInput input, CancellationToken ct) => recordUnanswered.ExecuteAsync(input, ct);

    [Function(OutboundActivityNames.StartAnsweredCall)]
    public Task<bool> StartAnsweredCall([ActivityTrigger] AnsweredCallInput input, [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        answered.StartAsync(input, client, ct);

    [Function(OutboundActivityNames.DeliverPostCallReport)]
    public Task<bool> DeliverPostCallReport([ActivityTrigger] string callId, CancellationToken ct) => deliver.ExecuteAsync(callId, ct);
}
