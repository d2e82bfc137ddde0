using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.Tests.LiveKit.Webhooks;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Interop;

/// <summary>
/// Our webhook receiver and signer against the official Node SDK (tests/node/livekit-webhooks.mjs)
/// over every sample body. Node has no webhook signer, so the script signs as the LiveKit server
/// does: an AccessToken with the body's sha256 claim.
/// </summary>
public sealed class NodeWebhookInteropTests
{
    private readonly LiveKitCredentials _credentials = new("APIwebhooks", TestJwt.NewSecret());
    private readonly (string Name, byte[] Body)[] _samples =
        WebhookSamples.Names().Select(name => (name, WebhookSamples.Read(name))).ToArray();

    [SkippableFact]
    public async Task Node_signed_webhooks_are_accepted_by_our_receiver()
    {
        var authorizations = await NodeSignAsync(_samples.Select(s => s.Body));
        var receiver = new WebhookReceiver(_credentials, TimeProvider.System);

        for (var i = 0; i < _samples.Length; i++)
        {
            var result = receiver.Receive(_samples[i].Body, authorizations[i]);
            Assert.True(result.IsValid, $"{_samples[i].Name}: {result}");
            Assert.Equal(_samples[i].Name, result.Event.Event);
        }
    }

    [SkippableFact]
    public async Task Our_signed_webhooks_are_accepted_by_Node_with_the_same_event()
    {
        var signer = new WebhookSigner(_credentials, TimeProvider.System);
        var receiver = new WebhookReceiver(_credentials, TimeProvider.System);

        var answers = await NodeReceiveAsync(_samples.Select(s => (s.Body, signer.Sign(s.Body))));

        for (var i = 0; i < _samples.Length; i++)
        {
            var answer = answers[i];
            Assert.True(answer.GetProperty("ok").GetBoolean(), $"{_samples[i].Name}: {answer}");
            var nodeEvent = answer.GetProperty("event");
            var ours = receiver.Receive(_samples[i].Body, signer.Sign(_samples[i].Body)).Event!;
            Assert.Equal(nodeEvent.GetProperty("event").GetString(), ours.Event);
            Assert.Equal(nodeEvent.GetProperty("id").GetString(), ours.Id);
            Assert.Equal(long.Parse(nodeEvent.GetProperty("createdAt").GetString()!), ours.CreatedAt!.Value.ToUnixTimeSeconds());
            if (nodeEvent.TryGetProperty("participant", out var participant))
            {
                var nodeKind = participant.TryGetProperty("kind", out var kind) ? kind.GetString() : "STANDARD";
                Assert.Equal(nodeKind, ours.Participant!.KindName);
                Assert.Equal(participant.GetProperty("identity").GetString(), ours.Participant.Identity);
            }
        }
    }

    [SkippableFact]
    public async Task Tampered_body_is_rejected_by_both_receivers()
    {
        var body = WebhookSamples.Read("participant_joined");
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"kind\":\"SIP\"", "\"kind\":\"AGENT\""));
        Assert.NotEqual(body, tampered);

        var nodeSigned = (await NodeSignAsync([body]))[0];
        var ours = new WebhookReceiver(_credentials, TimeProvider.System).Receive(tampered, nodeSigned);
        Assert.Equal(WebhookError.HashMismatch, ours.Error);

        var ourSigned = new WebhookSigner(_credentials, TimeProvider.System).Sign(body);
        var node = (await NodeReceiveAsync([(tampered, ourSigned), (body, ourSigned)])).ToArray();
        Assert.False(node[0].GetProperty("ok").GetBoolean());
        Assert.Equal("sha256 checksum of body does not match", node[0].GetProperty("error").GetString());
        Assert.True(node[1].GetProperty("ok").GetBoolean(), "the untampered body must still pass: " + node[1]);
    }

    [SkippableFact]
    public async Task Webhook_signed_with_another_secret_is_rejected_by_both_receivers()
    {
        var body = WebhookSamples.Read("room_started");
        var forged = new WebhookSigner(new LiveKitCredentials(_credentials.ApiKey, TestJwt.NewSecret()), TimeProvider.System).Sign(body);

        var ours = new WebhookReceiver(_credentials, TimeProvider.System).Receive(body, forged);
        var node = (await NodeReceiveAsync([(body, forged)]))[0];

        Assert.Equal(WebhookError.InvalidSignature, ours.Error);
        Assert.False(node.GetProperty("ok").GetBoolean());
    }

    private async Task<string[]> NodeSignAsync(IEnumerable<byte[]> bodies)
    {
        var items = new JsonArray(bodies.Select(b => (JsonNode)new JsonObject { ["bodyBase64"] = Convert.ToBase64String(b) }).ToArray());
        var answer = await NodeScript.RunAsync("livekit-webhooks.mjs", Request("sign", items));
        return answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("authorization").GetString()!).ToArray();
    }

    private async Task<JsonElement[]> NodeReceiveAsync(IEnumerable<(byte[] Body, string Authorization)> deliveries)
    {
        var items = new JsonArray(deliveries.Select(d => (JsonNode)new JsonObject
        {
            ["bodyBase64"] = Convert.ToBase64String(d.Body),
            ["authorization"] = d.Authorization,
        }).ToArray());
        var answer = await NodeScript.RunAsync("livekit-webhooks.mjs", Request("receive", items));
        return answer.GetProperty("items").EnumerateArray().ToArray();
    }

    private JsonObject Request(string op, JsonArray items) => new()
    {
        ["op"] = op,
        ["apiKey"] = _credentials.ApiKey,
        ["apiSecret"] = _credentials.ApiSecret,
        ["items"] = items,
    };
}
