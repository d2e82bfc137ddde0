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

namespace VoiceFunctions.Cli.Tests.Support;

/// <summary>
/// The shell of a control-plane API double: Kestrel on a free loopback port, a fresh API key checked on every request
/// (x-functions-key; otherwise 401 with the functions' text), and the routes the double maps. Answers are written with
/// the functions' JSON options (<see cref="CallsApiJson"/>), as voicectl reads them.
/// </summary>
public sealed class LoopbackKeyedApi : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackKeyedApi(WebApplication app, Uri url, string key) => (_app, Url, Key) = (app, url, key);

    public Uri Url { get; }
    public string ApiUrl => new Uri(Url, "/api").ToString();
    public string Key { get; }

    /// <param name="mapRoutes">The double's routes.</param>
    /// <param name="onRequest">Sees every request first, before the key is checked (a double that records requests).</param>
    public static async Task<LoopbackKeyedApi> StartAsync(Action<WebApplication> mapRoutes, Func<HttpContext, Task>? onRequest = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var key = Guid.NewGuid().ToString("N");
        app.Use(async (context, next) =>
        {
            if (onRequest is not null)
            {
                await onRequest(context);
            }
            if (context.Request.Headers["x-functions-key"] != key)
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsync("the API key is not valid");
                return;
            }
            await next(context);
        });
        mapRoutes(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackKeyedApi(app, new Uri(address), key);
    }

    public static IResult Json<T>(T value, int status = StatusCodes.Status200OK) =>
        Results.Text(JsonSerializer.Serialize(value, CallsApiJson.Options), "application/json; charset=utf-8", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
