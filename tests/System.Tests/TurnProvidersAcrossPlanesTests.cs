using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// A turn's providers and token counts follow it across the planes: the MediaHost's turn record, through its event
/// reporter and signed sender, to the local control plane (AgentEvents, Azurite tables) and out of GET /api/calls/{id}.
/// </summary>
[Trait("Category", "System")]
public sealed class TurnProvidersAcrossPlanesTests
{
    [SkippableFact]
    public async Task Turn_record_providers_and_token_usage_reach_the_call_api()
    {
        await using var controlPlane = await LocalControlPlane.StartAsync();
        var options = new ControlPlaneOptions { BaseUrl = controlPlane.BaseUrl.ToString(), KeyId = "mediahost", Secret = controlPlane.EventsSecret };
        var queue = new CallEventQueue(options);
        using var sender = new ControlPlaneEventSender(queue, new HttpClient(), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
        var sipCallId = "turn-providers-" + Guid.NewGuid().ToString("N")[..8];
        var callId = reporter.ControlPlaneCallId(sipCallId);

        reporter.Answered(sipCallId, "+79990001122", "+74950000000");
        await SendQueuedAsync(queue, sender);
        await controlPlane.WaitForCallAsync(callId, _ => true, TimeSpan.FromSeconds(30), "the call's record");
        await reporter.ReportAsync(new TurnRecord
        {
            CallId = sipCallId, TurnIndex = 1, Trigger = "speech", StartedAt = DateTimeOffset.UtcNow, UserText = "Когда вы открыты?", AgentText = "С девяти до шести.",
            Providers = [new ProviderUse("stt", "yandex"), new ProviderUse("llm", "openai", "TimeoutException: no first token in 3 s"), new ProviderUse("llm", "gigachat"), new ProviderUse("tts", "cartesia")],
            InputTokens = 812, OutputTokens = 64,
        }, CancellationToken.None);
        await SendQueuedAsync(queue, sender);

        var call = await controlPlane.WaitForCallAsync(callId, c => c.GetProperty("turns").GetArrayLength() == 1, TimeSpan.FromSeconds(30), "the turn");
        var turn = call.GetProperty("turns")[0];
        var providers = turn.GetProperty("providers").EnumerateArray()
            .Select(p => (p.GetProperty("stage").GetString(), p.GetProperty("provider").GetString(), p.TryGetProperty("failure", out var f) && f.ValueKind == JsonValueKind.String ? f.GetString() : null))
            .ToList();
        Assert.Equal(
            [("stt", "yandex", null), ("llm", "openai", "TimeoutException: no first token in 3 s"), ("llm", "gigachat", null), ("tts", "cartesia", null)],
            providers);
        Assert.Equal((812, 64), (turn.GetProperty("inputTokens").GetInt64(), turn.GetProperty("outputTokens").GetInt64()));
    }

    private static async Task SendQueuedAsync(CallEventQueue queue, ControlPlaneEventSender sender)
    {
        while (queue.Reader.TryRead(out var message))
        {
            Assert.True(await sender.SendAsync(message, CancellationToken.None).DefaultTimeout(), $"the control plane did not take the {message.Type} event");
        }
    }
}
