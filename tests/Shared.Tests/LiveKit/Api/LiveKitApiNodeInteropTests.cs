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
        ["RemoveParticipant"] = c => c.Rooms.RemoveParticipantAsync("interop-room", "caller", DateTimeOffset.FromUnixTimeSeconds(1796558400)),
        ["ForwardParticipant"] = c => c.Rooms.ForwardParticipantAsync("interop-room", "caller", "other-room"),
        ["MoveParticipant"] = c => c.Rooms.MoveParticipantAsync("interop-room", "caller", "other-room"),
        ["UpdateSubscriptions"] = c => c.Rooms.UpdateSubscriptionsAsync(new UpdateSubscriptionsRequest { Room = "interop-room", Identity = "caller", TrackSids = ["TR_a", "TR_b"], Subscribe = true }),
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
        ["StartRoomCompositeEgress+Azure"] = c => c.Egress.StartRoomCompositeEgressAsync(new RoomCompositeEgressRequest { RoomName = "call-room", AudioOnly = true, FileOutputs = [AzureOgg()] }),
        ["StartTrackCompositeEgress"] = c => c.Egress.StartTrackCompositeEgressAsync(new TrackCompositeEgressRequest { RoomName = "call-room", AudioTrackId = "TR_caller", FileOutputs = [AzureOgg()] }),
        ["StartParticipantEgress"] = c => c.Egress.StartParticipantEgressAsync(new ParticipantEgressRequest { RoomName = "call-room", Identity = "caller", FileOutputs = [AzureOgg()] }),
        ["StartWebEgress"] = c => c.Egress.StartWebEgressAsync(new WebEgressRequest { Url = "https://example.invalid/page", AudioOnly = true, FileOutputs = [AzureOgg()] }),
        ["StartEgress"] = c => c.Egress.StartEgressAsync(new StartEgressRequest
        {
            RoomName = "call-room",
            Template = new TemplateSource { Layout = "speaker", AudioOnly = true },
            Outputs = [new Output { File = new FileOutput { FileType = EncodedFileType.Ogg, Filepath = "calls/x.ogg" } }],
            Storage = new StorageConfig { Azure = AzureUpload() },
        }),
        ["UpdateLayout"] = c => c.Egress.UpdateLayoutAsync("EG_interop", "speaker"),
        ["UpdateStream"] = c => c.Egress.UpdateStreamAsync(new UpdateStreamRequest { EgressId = "EG_interop", AddOutputUrls = ["rtmp://127.0.0.1/a"], RemoveOutputUrls = ["rtmp://127.0.0.1/b"] }),
        ["CreateSIPParticipant+Media"] = c => c.Sip.CreateSipParticipantAsync(new CreateSipParticipantRequest
        {
            SipTrunkId = "ST_outbound", SipCallTo = "+15557654321", RoomName = "call-room", ParticipantIdentity = "sip-callee",
            DisplayName = "VoiceFunctions", HidePhoneNumber = true, Headers = new() { ["X-Call-Purpose"] = "survey" },
            Media = new SipMediaConfig { OnlyListedCodecs = true, Codecs = [new SipCodec { Name = "PCMA", Rate = 8000 }] },
        }),
        ["CreateIngress"] = c => c.Ingress.CreateIngressAsync(new CreateIngressRequest
        {
            InputType = IngressInput.Url, Name = "pull", RoomName = "call-room", ParticipantIdentity = "ingress-1", ParticipantName = "Ingress",
            Url = "https://media.invalid/stream.m3u8", EnableTranscoding = true,
        }),
        ["CreateDispatch"] = c => c.Agents.CreateDispatchAsync(new CreateAgentDispatchRequest { Room = "call-room", AgentName = "voice-agent", Metadata = "{\"lang\":\"ru\"}" }),
    };

    private static AzureBlobUpload AzureUpload() => new() { AccountName = "recordings-account", AccountKey = "azure-key", ContainerName = "recordings" };

    private static EncodedFileOutput AzureOgg() => new() { FileType = EncodedFileType.Ogg, Filepath = "calls/{room_name}.ogg", DisableManifest = true, Azure = AzureUpload() };

    public static IEnumerable<object[]> CallNames() => Calls.Keys.Select(k => new object[] { k });

    [SkippableTheory]
    [MemberData(nameof(CallNames))]
    public async Task Our_request_body_and_token_grants_equal_the_node_sdks(string call)
    {
        var nodeRequests = await node.GetAsync(Calls.Keys).DefaultTimeout();
        var path = "/twirp/livekit." + LiveKitApiMethods.All.Single(m => m.Name == call.Split('+')[0]).FullName;
        // The script makes the calls one after another in this order, so the n-th request is the n-th call's.
        Assert.Equal(Calls.Count, nodeRequests.Count);
        var theirs = nodeRequests[Calls.Keys.ToList().IndexOf(call)];
        Assert.Equal(path, theirs.Path);

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
        // Ten minutes each. The Node SDK reads the clock separately for nbf and exp, so its difference is 599 s
        // when a second boundary falls between the two reads.
        Assert.Equal(600, ourToken.Lifetime);
        Assert.InRange(theirToken.Lifetime, 599, 600);
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
