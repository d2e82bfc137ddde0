using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Cli.Tests.Support;

/// <summary>
/// A loopback stand-in for the control plane's webhook endpoint and the MediaHost's /health: POST
/// /api/livekit/webhook verifies LiveKit's signature with the real receiver (200, or 401 when it does not
/// verify); GET /health answers 200. Records the webhook deliveries it accepted.
/// </summary>
public sealed class TestHttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestHttpEndpoint(WebApplication app, Uri url)
    {
        _app = app;
        Url = url;
    }

    public Uri Url { get; }

    public string WebhookUrl => new Uri(Url, "/api/livekit/webhook").ToString();

    public string HealthUrl => new Uri(Url, "/health").ToString();

    public List<string> AcceptedEvents { get; } = [];

    public static async Task<TestHttpEndpoint> StartAsync(LiveKitCredentials credentials)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        TestHttpEndpoint? endpoint = null;
        var receiver = new WebhookReceiver(credentials, TimeProvider.System);
        app.MapGet("/health", () => Results.Ok("healthy"));
        app.MapPost("/api/livekit/webhook", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var result = receiver.Receive(body.ToArray(), request.Headers.Authorization.ToString());
            if (!result.IsValid)
            {
                return Results.Text(result.Message ?? "invalid", statusCode: 401);
            }
            lock (endpoint!.AcceptedEvents)
            {
                endpoint.AcceptedEvents.Add(result.Event!.Event);
            }
            return Results.Ok();
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        endpoint = new TestHttpEndpoint(app, new Uri(address));
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
