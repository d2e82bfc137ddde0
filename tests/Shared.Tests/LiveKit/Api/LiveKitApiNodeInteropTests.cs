using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>
/// For each call, the JSON body our client sends equals (as JSON, not as text) what the official Node SDK
/// sends for the same call, and the bearer tokens carry the same grants for the same ten minutes. Both
/// sides talk to loopback recorders; the Node side is tests/node/livekit-api-requests.mjs.
/// </summary>
public sealed class LiveKitApiNodeInteropTests(NodeSdkRequests node) : IClassFixture<NodeSdkRequests>
{
    private sealed record Clients(RoomServiceClient Rooms, SipServiceClient Sip, EgressClient Egress, IngressClient Ingress, AgentDispatchClient Agents);

    /// <summary>The same calls, with the same arguments, as the Node script makes.</summary>
    private static readonly Dictionary<string, Func<Clients, Task>> Calls = new()
    {
        ["CreateRoom"] = c => c.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = "interop-room", EmptyTimeout = 120, DepartureTimeout = 15, MaxParticipants = 5, Metadata = "{\"lang\":\"ru\"}" }),
        ["ListRooms"] = c => c.Rooms.ListRoomsAsync(["interop-room", "other-room"]),
        ["ListParticipants"] = c => c.Rooms.ListParticipantsAsync("interop-room"),
        ["UpdateParticipant"] = c => c.Rooms.UpdateParticipantAsync(new UpdateParticipantRequest
        {
            Room = "interop-room", Identity = "caller", Metadata = "m", Attributes = new() { ["sip.note"] = "vip", ["gone"] = "" },
        }),
        ["RemoveParticipant"] = c => c.Rooms.RemoveParticipantAsync("interop-room", "caller"),
        ["CreateSIPInboundTrunk"] = c => c.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo
        {
            Name = "provider-in", Numbers = ["+15551230000"], AllowedAddresses = ["10.0.0.0/24"], AuthUsername = "trunk-user", AuthPassword = "trunk-pass", KrispEnabled = true,
        }),
        ["CreateSIPDispatchRule"] = c => c.Sip.CreateDispatchRuleAsync(new SipDispatchRuleInfo
        {
            Rule = new SipDispatchRule { DispatchRuleIndividual = new SipDispatchRuleIndividual { RoomPrefix = "call-" } },
            TrunkIds = ["ST_interop"], Name = "per-caller", Attributes = new() { ["team"] = "support" },
            RoomConfig = new RoomConfiguration
            {
                Metadata = "{\"lang\":\"ru\"}", EmptyTimeout = 30,
                Agents = [new RoomAgentDispatch { AgentName = "voice-agent", Metadata = "inbound" }],
            },
        }),
        ["CreateSIPParticipant"] = c => c.Sip.CreateSipParticipantAsync(new CreateSipParticipantRequest
        {
            SipTrunkId = "ST_outbound", SipCallTo = "+15557654321", RoomName = "call-room", SipNumber = "+15550001111",
            ParticipantIdentity = "sip-callee", ParticipantName = "Callee", ParticipantAttributes = new() { ["purpose"] = "agent-dispatch" },
            Dtmf = "1w2", PlayDialtone = true, IncludeHeaders = SipHeaderOptions.XHeaders,
            RingingTimeout = TimeSpan.FromSeconds(25), MaxCallDuration = TimeSpan.FromHours(1), KrispEnabled = true, WaitUntilAnswered = true,
        }),
        ["TransferSIPParticipant"] = c => c.Sip.TransferSipParticipantAsync(new TransferSipParticipantRequest
        {
            RoomName = "call-room", ParticipantIdentity = "sip-callee", TransferTo = "tel:+15550002222", PlayDialtone = true, RingingTimeout = TimeSpan.FromSeconds(20),
        }),
        ["StartTrackEgress"] = c => c.Egress.StartTrackEgressAsync(new TrackEgressRequest { RoomName = "call-room", TrackId = "TR_interop", WebsocketUrl = "wss://127.0.0.1:9/audio" }),
        ["StartRoomCompositeEgress"] = c => c.Egress.StartRoomCompositeEgressAsync(new RoomCompositeEgressRequest
        {
            RoomName = "call-room",
            AudioOnly = true,
            FileOutputs =
            [
                new EncodedFileOutput
                {
                    FileType = EncodedFileType.Ogg, Filepath = "calls/{room_name}-{time}.ogg",
                    S3 = new S3Upload { AccessKey = "access", Secret = "s3-secret", Region = "eu-west-1", Bucket = "recordings" },
                },
            ],
        }),
        ["CreateIngress"] = c => c.Ingress.CreateIngressAsync(new CreateIngressRequest
        {
            InputType = IngressInput.Url, Name = "pull", RoomName = "call-room", ParticipantIdentity = "ingress-1", ParticipantName = "Ingress",
            Url = "https://media.invalid/stream.m3u8", EnableTranscoding = true,
        }),
        ["CreateDispatch"] = c => c.Agents.CreateDispatchAsync(new CreateAgentDispatchRequest { Room = "call-room", AgentName = "voice-agent", Metadata = "{\"lang\":\"ru\"}" }),
    };

    public static IEnumerable<object[]> CallNames() => Calls.Keys.Select(k => new object[] { k });

    [SkippableTheory]
    [MemberData(nameof(CallNames))]
    public async Task Our_request_body_and_token_grants_equal_the_node_sdks(string call)
    {
        var nodeRequests = await node.GetAsync(Calls.Keys).DefaultTimeout();
        var path = "/twirp/livekit." + LiveKitApiMethods.All.Single(m => m.Name == call).FullName;
        var theirs = Assert.Single(nodeRequests, r => r.Path == path);

        var ours = await RecordOursAsync(call);

        Assert.Equal(path, ours.Path);
        Assert.Equal("POST", ours.HttpMethod);
        Assert.Equal(MediaType(theirs.ContentType), MediaType(ours.ContentType));
        var ourBody = JsonNode.Parse(ours.Body);
        var theirBody = JsonNode.Parse(theirs.Body);
        Assert.True(JsonNode.DeepEquals(theirBody, ourBody), $"{call} body differs\n node: {theirs.Body}\n ours: {ours.Body}");

        var ourToken = Claims(ours.BearerToken!);
        var theirToken = Claims(theirs.BearerToken!);
        Assert.True(JsonNode.DeepEquals(theirToken.Grants, ourToken.Grants), $"{call} grants differ\n node: {theirToken.Grants.ToJsonString()}\n ours: {ourToken.Grants.ToJsonString()}");
        Assert.Equal(theirToken.Lifetime, ourToken.Lifetime);
        Assert.Equal(node.Credentials.ApiKey, ourToken.Issuer);
        Assert.Equal(theirToken.Issuer, ourToken.Issuer);
    }

    private async Task<LoopbackRecordedRequest> RecordOursAsync(string call)
    {
        await using var recorder = await LoopbackRequestRecorder.StartAsync();
        var services = new ServiceCollection();
        services.AddLiveKitApi(o =>
        {
            o.Url = recorder.Url.ToString();
            o.ApiKey = node.Credentials.ApiKey;
            o.ApiSecret = node.Credentials.ApiSecret;
        });
        await using var provider = services.BuildServiceProvider();
        var clients = new Clients(
            provider.GetRequiredService<RoomServiceClient>(), provider.GetRequiredService<SipServiceClient>(), provider.GetRequiredService<EgressClient>(),
            provider.GetRequiredService<IngressClient>(), provider.GetRequiredService<AgentDispatchClient>());
        await Calls[call](clients).DefaultTimeout();
        return Assert.Single(recorder.Requests);
    }

    private static string? MediaType(string? contentType) => contentType?.Split(';')[0].Trim().ToLowerInvariant();

    /// <summary>The token's grants with empty grant objects dropped (Node signs "video":{} for SIP methods; absent and empty mean the same).</summary>
    private static (JsonObject Grants, long Lifetime, string Issuer) Claims(string jwt)
    {
        var payload = JsonNode.Parse(TestJwt.Payload(jwt).GetRawText())!.AsObject();
        var grants = new JsonObject();
        foreach (var key in new[] { "video", "sip", "sub", "name", "metadata", "attributes", "kind", "roomConfig" })
        {
            if (payload[key] is { } value && !(value is JsonObject { Count: 0 }))
            {
                grants[key] = value.DeepClone();
            }
        }
        return (grants, payload["exp"]!.GetValue<long>() - payload["nbf"]!.GetValue<long>(), payload["iss"]!.GetValue<string>());
    }
}
