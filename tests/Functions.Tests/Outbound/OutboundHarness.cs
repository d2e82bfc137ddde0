using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// The control plane's real composition (AddControlPlane) with outbound calling configured, its orchestrations running
/// in the in-process Durable Task host, LiveKit played by the loopback LiveKit API test server, storage in Azurite.
/// </summary>
public sealed class OutboundHarness : IAsyncDisposable
{
    public const string ReportSecret = "post-call-report-secret-0123456789abcdef";

    private DurableTaskTestHost _host = null!;
    private IConfiguration _configuration = null!;

    private OutboundHarness(ControlPlaneRig rig) => Rig = rig;

    public ControlPlaneRig Rig { get; }
    public DurableTaskClient Client => _host.Client;
    public OutboundCallsApiFunctions Api { get; private set; } = null!;
    public CallStore Store => Rig.Get<CallStore>();
    public string CalleeTrunkId { get; private set; } = "";

    public static async Task<OutboundHarness> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        Dictionary<string, string?> settings = [];
        var rig = await ControlPlaneRig.StartAsync(s =>
        {
            s["Outbound:Mode"] = "LiveKit";
            s["Outbound:CalleeTrunkId"] = "ST_placeholder";
            s["Outbound:CallerIds:0"] = "+15550002222";
            configure?.Invoke(s);
            settings = s;
        });
        var harness = new OutboundHarness(rig);
        var trunk = await rig.Get<SipServiceClient>().CreateOutboundTrunkAsync(new SipOutboundTrunkInfo { Name = "carrier", Address = "sip.carrier.example", Numbers = ["+15550002222"] });
        harness.CalleeTrunkId = trunk.SipTrunkId;
        if (settings["Outbound:CalleeTrunkId"] == "ST_placeholder")
        {
            settings["Outbound:CalleeTrunkId"] = trunk.SipTrunkId;
        }
        harness._configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        await harness.StartHostAsync();
        return harness;
    }

    /// <summary>Stops the Durable host and starts a new one on the same state (a crash and restart of the function app).</summary>
    public async Task RestartHostAsync()
    {
        await _host.DisposeAsync();
        await StartHostAsync();
    }

    private async Task StartHostAsync()
    {
        var port = FreePort.Next();
        _host = await DurableTaskTestHost.StartAsync(registry => registry.AddCallTasks(), new DurableTaskTestHostOptions
        {
            Port = port,
            // The campaign activity that starts attempts uses the Durable client, as in the local host.
            ConfigureServices = services => services.AddControlPlane(_configuration)
                .AddDurableTaskClient(b => b.UseGrpc(Grpc.Net.Client.GrpcChannel.ForAddress($"http://localhost:{port}")).RegisterDirectly()),
        });
        Api = ActivatorUtilities.CreateInstance<OutboundCallsApiFunctions>(Rig.Services);
    }

    public HttpRequest Post(object body, string? idempotencyKey = null, bool withKey = true)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/api/calls";
        var bytes = body as byte[] ?? JsonSerializer.SerializeToUtf8Bytes(body, CallsApiJson.Options);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        if (withKey)
        {
            context.Request.Headers["x-functions-key"] = Rig.ApiKeySecret;
        }
        if (idempotencyKey is not null)
        {
            context.Request.Headers["Idempotency-Key"] = idempotencyKey;
        }
        return context.Request;
    }

    public async Task<(int Status, string Text)> PlaceAsync(object body, string? idempotencyKey = null)
    {
        var result = (HttpResponseResult)await Api.Place(Post(body, idempotencyKey), Client, CancellationToken.None).DefaultTimeout();
        return (result.Status, result.BodyText);
    }

    public async Task<PlaceCallResponse> PlaceOkAsync(object body, string? idempotencyKey = null)
    {
        var (status, text) = await PlaceAsync(body, idempotencyKey);
        Assert.True(status is 200 or 202, $"POST /api/calls answered {status}: {text}");
        return JsonSerializer.Deserialize<PlaceCallResponse>(text, CallsApiJson.Options)!;
    }

    public async Task<DialResult> WaitForDialAsync(string callId)
    {
        var instance = await Client.WaitForInstanceCompletionAsync(OutboundCallIds.DialInstanceId(callId), getInputsAndOutputs: true).DefaultTimeout();
        Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
        return instance.ReadOutputAs<DialResult>()!;
    }

    public static string Text(byte[] body) => Encoding.UTF8.GetString(body);

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Rig.DisposeAsync();
    }
}
