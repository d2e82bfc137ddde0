using System.Net.Http.Headers;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>Posts signed MediaHost call events (answered, hangup) to a control plane over HTTP, as the MediaHost does.</summary>
public sealed class AgentEventPoster(HttpClient http, LiveKitCredentials key)
{
    public Task<HttpResponseMessage> AnsweredAsync(string callId, string caller = "+15552223333", string called = "+15550001111") =>
        PostAsync(new AgentEventMessage
        {
            Id = "mh-" + Guid.NewGuid().ToString("N"), CallId = callId, Type = AgentEventType.Answered,
            OccurredAt = DateTimeOffset.UtcNow, Caller = caller, Called = called,
        });

    public Task<HttpResponseMessage> HangupAsync(string callId, CallEndReason reason) =>
        PostAsync(new AgentEventMessage
        {
            Id = "mh-" + Guid.NewGuid().ToString("N"), CallId = callId, Type = AgentEventType.Hangup,
            OccurredAt = DateTimeOffset.UtcNow, EndReason = reason,
        });

    public async Task<HttpResponseMessage> PostAsync(AgentEventMessage message)
    {
        var body = AgentEventParser.Serialize(message);
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/calls/{Uri.EscapeDataString(message.CallId)}/events") { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + new WebhookSigner(key, TimeProvider.System).Sign(body));
        return await http.SendAsync(request);
    }
}
