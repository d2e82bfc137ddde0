using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// One agent-events test's world, built fresh for each test: a <see cref="WebhookTestKit"/> (tables of its own in
/// Azurite, the signing keys, a fake clock), the Durable client mock, and the AgentEvents function over them.
/// </summary>
public sealed class AgentEventsTestBed : IAsyncDisposable
{
    private AgentEventsTestBed(WebhookTestKit kit)
    {
        Kit = kit;
        Function = new AgentEventsFunction(kit.AgentEvents);
    }

    public WebhookTestKit Kit { get; }
    public DurableClientMock Durable { get; } = new();
    public AgentEventsFunction Function { get; }

    /// <param name="directMode">Whether an answered event for an unknown call starts a direct-mode call.</param>
    public static AgentEventsTestBed Create(bool directMode = false) => new(new WebhookTestKit(directMode: directMode));

    /// <summary>A bed where the call is already recorded and its orchestration is running (a LiveKit-mode call after its start).</summary>
    public static async Task<AgentEventsTestBed> WithRunningCallAsync(string callId)
    {
        var bed = Create();
        await bed.Kit.Storage.Store.CreateAsync(new CallRecord { CallId = callId, RoomName = callId, StartedAt = bed.Kit.Time.GetUtcNow() });
        bed.Durable.SetInstance(callId, OrchestrationRuntimeStatus.Running);
        return bed;
    }

    /// <summary>POST /api/calls/{callId}/events with this body and Authorization header.</summary>
    public async Task<HttpResponseResult> PostAsync(byte[] body, string? authorization, string callId) =>
        (HttpResponseResult)await Function.Run(WebhookTestKit.Request(body, authorization, $"/api/calls/{callId}/events"), callId, Durable.Object, CancellationToken.None).DefaultTimeout();

    /// <summary>POSTs the event to its call, signed with the MediaHost's agent-events key.</summary>
    public Task<HttpResponseResult> PostSignedAsync(AgentEventMessage message)
    {
        var body = WebhookTestKit.AgentEvent(message);
        return PostAsync(body, Kit.SignAgentEvent(body), message.CallId);
    }

    public ValueTask DisposeAsync() => Kit.DisposeAsync();
}
