using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;
using VoiceFunctions.Shared.Tests.LiveKit;
using Xunit.Abstractions;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>
/// Every request body our clients send, for every client method, with every field we support set, is
/// decoded by LiveKit's own message type (fromJson with unknown fields NOT ignored: a misspelled field, an
/// enum name LiveKit does not define or a value of the wrong JSON type fails) and written back by it
/// unchanged (toJson gives the same JSON: no field lost, renamed or re-typed).
/// </summary>
public sealed class RequestBodyConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_client_method_has_a_conformance_case()
    {
        var methods = LiveKitApiMethods.All.Select(m => m.FullName).Order().ToArray();
        Assert.Equal(methods, RequestCases.All.Keys.Order().ToArray());
    }

    [SkippableFact]
    public async Task Every_request_body_with_every_supported_field_is_read_unchanged_by_LiveKits_own_decoder()
    {
        var protocol = await ProtocolDefinitions.LoadAsync();
        var bodies = await RecordEveryRequestAsync(protocol);

        var verdicts = (await ProtocolDefinitions.LoadAsync(bodies.Select(b => (b.Method, b.Body)))).Bodies;

        var fieldsSent = bodies.Sum(b => FieldPaths(JsonNode.Parse(b.Body), "").Count());
        var methodsSent = bodies.Select(b => b.Method).Distinct().Count();
        output.WriteLine($"{bodies.Count} bodies of {methodsSent} methods ({RequestCases.All.Count} client methods) checked; {fieldsSent} field values sent");
        Assert.Equal(RequestCases.All.Keys.Order(), bodies.Select(b => b.Method).Distinct().Order());
        var failures = verdicts.Where(v => !v.Ok).Select(v => $"{v.Method}: {v.Error ?? string.Join("; ", v.Differences)}").ToList();
        Assert.True(failures.Count == 0, $"LiveKit's decoder disagrees with {failures.Count} bodies:\n{string.Join('\n', failures)}");
    }

    [SkippableFact]
    public async Task A_misspelled_field_a_wrong_enum_name_and_a_wrong_json_type_are_each_rejected_by_the_descriptor_check()
    {
        const string method = "SIP/CreateSIPParticipant";
        var verdicts = (await ProtocolDefinitions.LoadAsync(
        [
            (method, """{"sipTrunkId":"ST_a","sipCallTo":"+15550001111","roomName":"r"}"""),
            (method, """{"sipTrunkID":"ST_a","sipCallTo":"+15550001111","roomName":"r"}"""),
            (method, """{"sipTrunkId":"ST_a","includeHeaders":"SIP_ALL_HEADER"}"""),
            (method, """{"sipTrunkId":"ST_a","waitUntilAnswered":"yes"}"""),
        ])).Bodies;

        Assert.True(verdicts[0].Ok, verdicts[0].Error);
        Assert.False(verdicts[1].Ok);
        Assert.Contains("sipTrunkID", verdicts[1].Error);
        Assert.False(verdicts[2].Ok);
        Assert.Contains("SIP_ALL_HEADER", verdicts[2].Error);
        Assert.False(verdicts[3].Ok);
        Assert.Contains("wait_until_answered", verdicts[3].Error);
    }

    /// <summary>Runs every case (each oneof member once) against a loopback recorder; returns the bodies in order.</summary>
    private static async Task<List<(string Method, string Body)>> RecordEveryRequestAsync(ProtocolDefinitions protocol)
    {
        await using var recorder = await LoopbackRequestRecorder.StartAsync();
        var services = new ServiceCollection();
        services.AddLiveKitApi(o =>
        {
            o.Url = recorder.Url.ToString();
            o.ApiKey = "APIconformance";
            o.ApiSecret = TestJwt.NewSecret();
        });
        await using var provider = services.BuildServiceProvider();
        var clients = new ClientSet(provider.GetRequiredService<RoomServiceClient>(), provider.GetRequiredService<SipServiceClient>(),
            provider.GetRequiredService<EgressClient>(), provider.GetRequiredService<IngressClient>(), provider.GetRequiredService<AgentDispatchClient>());
        foreach (var call in RequestCases.All.Values)
        {
            var variants = 1;
            for (var variant = 0; variant < variants; variant++)
            {
                var filler = new RequestFiller(protocol, variant);
                try
                {
                    await call(clients, filler).DefaultTimeout();
                }
                catch (LiveKitException)
                {
                    // The recorder answers "{}" to everything; a client that finds that answer wanting
                    // has still sent its request, which is what is checked here.
                }
                variants = filler.Variants;
            }
        }
        return recorder.Requests.Select(r => (r.Method, r.Body)).ToList();
    }

    private static IEnumerable<string> FieldPaths(JsonNode? node, string at) => node switch
    {
        JsonObject o => o.SelectMany(p => FieldPaths(p.Value, $"{at}.{p.Key}").Prepend($"{at}.{p.Key}")),
        JsonArray a => a.SelectMany(e => FieldPaths(e, at + "[]")),
        _ => [],
    };
}
