using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Core.Interceptors;
using P = Microsoft.DurableTask.Protobuf;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// Keeps the events an orchestration preserves across ContinueAsNew. The isolated worker preserves an event it has not
/// taken yet (ContinueAsNew with preserveUnprocessedEvents) by sending it to its own instance in the same response as
/// the ContinueAsNew; the sidecar of the in-process test host package as served (0.2.3-preview.1) starts the new
/// generation in the same work item and drops every message the old generation sent, those included. The Functions
/// host in Azure delivers them. Seen as a campaign whose number rows were all final while its orchestration still
/// counted 10 of 200 (and 53 at concurrency 60) attempts in progress: their "attempt ended" events had arrived while a
/// generation ended, and the campaign never completed.
/// This interceptor moves such self-addressed events into the ContinueAsNew's carry-over events, which the sidecar
/// does give to the new generation, as the raised events they would have become.
/// </summary>
public sealed class ContinueAsNewCarryover(TimeProvider time) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is P.OrchestratorResponse response)
        {
            Apply(response, time.GetUtcNow().UtcDateTime);
        }
        return continuation(request, context);
    }

    /// <summary>
    /// In a response that continues as new, every event sent to the orchestration's own instance becomes a carry-over
    /// event raised at <paramref name="now"/>, in the order sent; events to other instances and other responses are left as they are.
    /// </summary>
    public static void Apply(P.OrchestratorResponse response, DateTime now)
    {
        var continueAsNew = response.Actions.FirstOrDefault(a =>
            a.CompleteOrchestration is { OrchestrationStatus: P.OrchestrationStatus.ContinuedAsNew })?.CompleteOrchestration;
        if (continueAsNew is null)
        {
            return;
        }
        var toSelf = response.Actions
            .Where(a => a.SendEvent is { } sent && string.Equals(sent.Instance?.InstanceId, response.InstanceId, StringComparison.Ordinal))
            .ToList();
        foreach (var action in toSelf)
        {
            response.Actions.Remove(action);
            continueAsNew.CarryoverEvents.Add(new P.HistoryEvent
            {
                EventId = -1,
                Timestamp = Timestamp.FromDateTime(DateTime.SpecifyKind(now, DateTimeKind.Utc)),
                EventRaised = new P.EventRaisedEvent { Name = action.SendEvent.Name, Input = action.SendEvent.Data },
            });
        }
    }
}
