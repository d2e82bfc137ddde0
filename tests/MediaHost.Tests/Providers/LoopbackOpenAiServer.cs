using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Tests.Providers;

/// <summary>
/// A Kestrel server on 127.0.0.1 (ephemeral port) that speaks the OpenAI HTTP wire format as the tests script it:
/// each test maps a path to a handler that writes real SSE chunks, JSON errors, WAV or PCM bodies.
/// It records every request (path, headers, body) for assertions.
/// </summary>
internal sealed class LoopbackOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackOpenAiServer(WebApplication app) => _app = app;

    public List<RecordedRequest> Requests { get; } = [];

    public string BaseUrl { get; private set; } = "";

    public sealed record RecordedRequest(string Path, string? Authorization, string ContentType, byte[] Body, string Query = "", string? ApiKeyHeader = null);

    /// <summary>The server's root address (BaseUrl without "/v1"), for Azure-shaped paths.</summary>
    public string RootUrl => BaseUrl[..^"/v1".Length];

    public static async Task<LoopbackOpenAiServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new LoopbackOpenAiServer(app);
        app.Run(async context =>
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            int attempt;
            lock (server.Requests)
            {
                server.Requests.Add(new RecordedRequest(context.Request.Path, context.Request.Headers.Authorization, context.Request.ContentType ?? "", body.ToArray(),
                    context.Request.QueryString.Value ?? "", context.Request.Headers["api-key"].FirstOrDefault()));
                attempt = server.Requests.Count;
            }
            await handler(context, attempt);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseUrl = address.TrimEnd('/') + "/v1";
        return server;
    }

    /// <summary>Writes SSE "data:" events, flushing each so the client sees them arrive one by one.</summary>
    public static async Task WriteSseAsync(HttpContext context, IEnumerable<string> events, TimeSpan delayBetween = default)
    {
        context.Response.ContentType = "text/event-stream";
        foreach (var e in events)
        {
            await context.Response.WriteAsync("data: " + e + "\n\n");
            await context.Response.Body.FlushAsync();
            if (delayBetween > TimeSpan.Zero)
            {
                await Task.Delay(delayBetween);
            }
        }
    }

    public static Task WriteErrorAsync(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":null}}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
