using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// The webhook and agent-event handlers wired as the function app wires them, over real Azurite
/// tables, with keys made at run time and signers for valid and hostile requests.
/// </summary>
public sealed class WebhookTestKit : IAsyncDisposable
{
    public const int MaxWebhookBytes = 8 * 1024;

    public WebhookTestKit(TestCallStorage? storage = null, CallSettings? settings = null, bool directMode = false)
    {
        Storage = storage ?? TestCallStorage.Create(time: Time);
        var timeline = new CallTimelineRecorder(Storage.Store, Time, NullLogger<CallTimelineRecorder>.Instance);
        LiveKit = new LiveKitCredentials("APIwebhook", NewSecret());
        MediaHost = new LiveKitCredentials("mediahost", NewSecret());
        var orphans = new OrphanedCallCloser(Storage.Store, new Activities.FinalizeCallActivity(Storage.Store, new ControlPlaneMetrics(MeterFactory)));
        var dispatcher = new CallEventDispatcher(settings ?? CallOrchestrationHarness.FastSettings, orphans, new VoiceFunctions.Functions.Recording.LateRecordingWriter(Storage.Store));
        Webhooks = new LiveKitWebhookHandler(
            new WebhookReceiver(LiveKit, Time, new WebhookReceiverOptions { MaxBodyBytes = MaxWebhookBytes }),
            Storage.Dedupe, new WebhookCallMapper("call-", "agent-"), dispatcher, timeline, new ControlPlaneMetrics(MeterFactory), Time, NullLogger<LiveKitWebhookHandler>.Instance);
        AgentEvents = new AgentEventsHandler(
            new AgentEventVerifier(new TokenVerifier(MediaHost, Time), maxBodyBytes: 16 * 1024),
            Storage.Dedupe, Storage.Store, dispatcher, timeline,
            Microsoft.Extensions.Options.Options.Create(new AgentEventsOptions { Secret = "unused: the verifier holds the key", DirectMode = directMode }),
            NullLogger<AgentEventsHandler>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>This kit's own meter factory, so a test listens to its own webhook metrics only.</summary>
    public IMeterFactory MeterFactory { get; } = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
    public TestCallStorage Storage { get; }
    public LiveKitCredentials LiveKit { get; }
    public LiveKitCredentials MediaHost { get; }
    public LiveKitWebhookHandler Webhooks { get; }
    public AgentEventsHandler AgentEvents { get; }

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public string SignWebhook(byte[] body, LiveKitCredentials? with = null, TimeProvider? at = null) =>
        new WebhookSigner(with ?? LiveKit, at ?? Time).Sign(body);

    public string SignAgentEvent(byte[] body, LiveKitCredentials? with = null, TimeProvider? at = null) =>
        "Bearer " + new WebhookSigner(with ?? MediaHost, at ?? Time).Sign(body);

    public static HttpRequest Request(byte[] body, string? authorization, string path = "/api/livekit/webhook")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = path;
        context.Request.ContentType = "application/webhook+json";
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentLength = body.Length;
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }
        return context.Request;
    }

    public static byte[] AgentEvent(AgentEventMessage message) => AgentEventParser.Serialize(message);

    public ValueTask DisposeAsync() => Storage.DisposeAsync();
}
