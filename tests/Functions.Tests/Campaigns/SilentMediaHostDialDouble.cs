using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Tests.Campaigns;

/// <summary>
/// A double of the MediaHost's dial endpoint (POST /calls/outbound, our own protocol: the dial command in, the
/// <see cref="DialResult"/> out) on 127.0.0.1 that answers every dial and then reports nothing: no "answered", no
/// turns, no hang-up, as when every event the MediaHost sent about the call was lost (it gives up after a few seconds
/// of retries, and the control plane was restarting or overloaded for longer).
/// </summary>
public sealed class SilentMediaHostDialDouble : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SilentMediaHostDialDouble(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    /// <summary>The callees dialled, in order.</summary>
    public ConcurrentQueue<string> Dialled { get; } = new();

    public static async Task<SilentMediaHostDialDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var double_ = new SilentMediaHostDialDouble(app);
        app.MapPost("/calls/outbound", async (HttpContext context) =>
        {
            var command = await JsonDocument.ParseAsync(context.Request.Body);
            double_.Dialled.Enqueue(command.RootElement.GetProperty("to").GetString()!);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new DialResult(DialOutcome.Answered, 200, "200 OK"), CallsApiJson.Options));
        });
        await app.StartAsync();
        double_.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return double_;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
