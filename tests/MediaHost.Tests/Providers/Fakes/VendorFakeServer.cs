using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Tests.Providers.Fakes;

/// <summary>
/// Hosts every vendor fake on 127.0.0.1 (ephemeral ports): <see cref="HttpUrl"/> for the HTTP/1.1 ones (Deepgram,
/// ElevenLabs and Cartesia WebSockets, Azure TTS and OpenAI REST: audio and chat completions) and <see cref="GrpcUrl"/> (HTTP/2 cleartext) for Yandex.
/// All follow one <see cref="Script"/>.
/// </summary>
public sealed class VendorFakeServer : IAsyncDisposable
{
    private readonly WebApplication _http;
    private readonly WebApplication _grpc;

    private VendorFakeServer(WebApplication http, WebApplication grpc, FakeScript script)
    {
        _http = http;
        _grpc = grpc;
        Script = script;
    }

    public FakeScript Script { get; }

    public string HttpUrl { get; private set; } = "";

    public string WebSocketUrl => "ws" + HttpUrl["http".Length..];

    public string GrpcUrl { get; private set; } = "";

    public static async Task<VendorFakeServer> StartAsync()
    {
        var script = new FakeScript();
        var http = Builder(HttpProtocols.Http1, script);
        var httpApp = http.Build();
        httpApp.UseWebSockets();
        httpApp.Map("/v1/listen", (Microsoft.AspNetCore.Http.HttpContext c) => DeepgramFake.HandleAsync(c, script));
        httpApp.Map("/v1/text-to-speech/{voice}/stream-input", (Microsoft.AspNetCore.Http.HttpContext c) => ElevenLabsFake.HandleAsync(c, script));
        httpApp.Map("/tts/websocket", (Microsoft.AspNetCore.Http.HttpContext c) => CartesiaFake.HandleAsync(c, script));
        httpApp.MapPost("/cognitiveservices/v1", (Microsoft.AspNetCore.Http.HttpContext c) => HttpSpeechFakes.AzureTtsAsync(c, script));
        httpApp.MapPost("/v1/audio/speech", (Microsoft.AspNetCore.Http.HttpContext c) => HttpSpeechFakes.OpenAiSpeechAsync(c, script));
        httpApp.MapPost("/v1/chat/completions", (Microsoft.AspNetCore.Http.HttpContext c) => OpenAiChatFake.HandleAsync(c, script));
        httpApp.MapPost("/v1/audio/transcriptions", (Microsoft.AspNetCore.Http.HttpContext c) => HttpSpeechFakes.OpenAiTranscriptionAsync(c, script));
        var grpc = Builder(HttpProtocols.Http2, script);
        grpc.Services.AddGrpc();
        var grpcApp = grpc.Build();
        grpcApp.MapGrpcService<YandexRecognizerFake>();
        grpcApp.MapGrpcService<YandexSynthesizerFake>();
        var server = new VendorFakeServer(httpApp, grpcApp, script);
        await httpApp.StartAsync();
        await grpcApp.StartAsync();
        server.HttpUrl = Address(httpApp);
        server.GrpcUrl = Address(grpcApp);
        return server;
    }

    private static WebApplicationBuilder Builder(HttpProtocols protocols, FakeScript script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = protocols));
        builder.Logging.ClearProviders();
        // Clients keep sockets open between uses (Cartesia's pool): stopping must not wait the default 30 s for them.
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(1));
        builder.Services.AddSingleton(script);
        return builder;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

    public async ValueTask DisposeAsync()
    {
        await _http.StopAsync();
        await _grpc.StopAsync();
        await _http.DisposeAsync();
        await _grpc.DisposeAsync();
    }
}
