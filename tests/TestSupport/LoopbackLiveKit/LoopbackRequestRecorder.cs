using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.TestSupport.LoopbackLiveKit;

/// <summary>
/// Records whatever HTTP requests arrive on 127.0.0.1 (ephemeral port) and answers every one with 200 "{}".
/// Used to capture what a client (ours, or the official Node SDK) sends for the same API call.
/// </summary>
public sealed class LoopbackRequestRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<LoopbackRecordedRequest> _requests = [];

    private LoopbackRequestRecorder(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<LoopbackRecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return _requests.ToArray();
            }
        }
    }

    public void Clear()
    {
        lock (_requests)
        {
            _requests.Clear();
        }
    }

    public static async Task<LoopbackRequestRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var recorder = new LoopbackRequestRecorder(app);
        app.Run(recorder.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        recorder.Url = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return recorder;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        lock (_requests)
        {
            _requests.Add(new LoopbackRecordedRequest(context.Request.Method, context.Request.Path.Value ?? "", context.Request.ContentType,
                context.Request.Headers.Authorization.ToString(), body, null, 200, default,
                context.Request.Headers.UserAgent.ToString(), context.Request.Headers["X-Livekit-Request-Id"].ToString()));
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("{}", context.RequestAborted).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
