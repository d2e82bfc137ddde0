using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// A customer's post-call webhook receiver on 127.0.0.1, written from the documented procedure only (docs/outbound.md),
/// not from our signing code: split the header, HMAC-SHA256 over "&lt;t&gt;." + body with the shared secret, compare in
/// constant time, refuse a timestamp more than 5 minutes off. It answers the statuses a test scripts (then 200).
/// </summary>
public sealed class SignatureCheckingReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _secret;
    private readonly ConcurrentQueue<int> _scripted = new();

    private SignatureCheckingReceiver(WebApplication app, string secret)
    {
        _app = app;
        _secret = Encoding.UTF8.GetBytes(secret);
    }

    public Uri Url { get; private set; } = null!;

    public ConcurrentQueue<ReceivedReport> Received { get; } = new();

    public TaskCompletionSource<ReceivedReport> FirstAccepted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The next requests are answered with these statuses, in order, whatever they hold.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _scripted.Enqueue(status);
        }
    }

    public static async Task<SignatureCheckingReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new SignatureCheckingReceiver(app, secret);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = new Uri(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/hooks/calls");
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var header = context.Request.Headers["X-VoiceFunctions-Signature"].ToString();
        var valid = Verify(header, body, out var keyId);
        var status = _scripted.TryDequeue(out var scripted) ? scripted : valid ? 200 : 401;
        var report = new ReceivedReport(Encoding.UTF8.GetString(body), keyId, valid, status, context.Request.Headers["X-VoiceFunctions-Delivery"].ToString());
        Received.Enqueue(report);
        if (status == 200)
        {
            FirstAccepted.TrySetResult(report);
        }
        context.Response.StatusCode = status;
    }

    private bool Verify(string header, byte[] body, out string? keyId)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        keyId = parts.GetValueOrDefault("kid");
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var v1) || !long.TryParse(t, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }
        if (Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300)
        {
            return false;
        }
        byte[] signed = [.. Encoding.ASCII.GetBytes(t + "."), .. body];
        var expected = HMACSHA256.HashData(_secret, signed);
        return CryptographicOperations.FixedTimeEquals(expected, Convert.FromHexString(v1));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

public sealed record ReceivedReport(string Body, string? KeyId, bool SignatureValid, int AnsweredStatus, string DeliveryId);
