using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>During a key rotation the previous key still signs valid requests; any other key does not.</summary>
public sealed class KeyRotationTests
{
    [SkippableFact]
    public async Task LiveKit_webhook_signed_with_the_previous_key_is_accepted_during_rotation_and_an_unknown_key_is_refused()
    {
        var previous = new LiveKitCredentials("APIretiring", WebhookTestKit.NewSecret());
        await using var rig = await ControlPlaneRig.StartAsync(s =>
        {
            s["Webhooks:PreviousApiKey"] = previous.ApiKey;
            s["Webhooks:PreviousApiSecret"] = previous.ApiSecret;
        });
        var receiver = rig.Get<WebhookReceiver>();
        var body = WebhookBodies.RoomStarted("call-rotation");
        string Sign(LiveKitCredentials key) => new WebhookSigner(key, TimeProvider.System).Sign(body);

        Assert.True(receiver.Receive(body, Sign(rig.LiveKit.Credentials)).IsValid);
        Assert.True(receiver.Receive(body, Sign(previous)).IsValid);
        var unknown = receiver.Receive(body, Sign(new LiveKitCredentials("APIstranger", WebhookTestKit.NewSecret())));
        Assert.False(unknown.IsValid);
        Assert.Equal(401, unknown.HttpStatus);
    }

    [SkippableFact]
    public async Task MediaHost_event_signed_with_the_previous_key_is_accepted_during_rotation_and_not_once_it_is_removed()
    {
        var previous = new LiveKitCredentials("mediahost-2025", WebhookTestKit.NewSecret());
        var body = AgentEventParser.Serialize(new AgentEventMessage { Id = "mh-1", CallId = "call-1", Type = AgentEventType.Answered, OccurredAt = DateTimeOffset.UtcNow });
        var signed = "Bearer " + new WebhookSigner(previous, TimeProvider.System).Sign(body);

        await using (var rotating = await ControlPlaneRig.StartAsync(s =>
        {
            s["AgentEvents:PreviousKeyId"] = previous.ApiKey;
            s["AgentEvents:PreviousSecret"] = previous.ApiSecret;
        }))
        {
            Assert.Null(rotating.Get<AgentEventVerifier>().Verify(body, signed));
        }
        await using var rotated = await ControlPlaneRig.StartAsync();
        Assert.Equal(401, rotated.Get<AgentEventVerifier>().Verify(body, signed)?.Status);
    }

    [Fact]
    public void Previous_key_with_the_current_key_id_is_refused_with_how_to_rotate()
    {
        var e = Assert.Throws<InvalidOperationException>(() => SigningKeys.With("mediahost", "secret-new", "mediahost", "secret-old"));
        Assert.Contains("rotate to a new key id", e.Message, StringComparison.Ordinal);
    }
}
