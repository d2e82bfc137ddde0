using System.Net;
using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Hosting;

/// <summary>
/// A loopback test double of the control plane's AgentEvents route (not the control plane): checks each report's
/// signature with the control plane's own verifier and parser (401/400 like the real route), records the reports it
/// accepts and answers 200 — with no body, or, given <c>statusFor</c>, with the body the real route sends (Functions'
/// WebhookAnswer: <c>{"status","eventId","callId"}</c>) and the status the test chooses per event, e.g.
/// "CallAlreadyFinished" to the answer of a call it has already settled.
/// </summary>
internal sealed class RecordingControlPlane : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly AgentEventVerifier _verifier;
    private readonly Func<AgentEventMessage, string>? _statusFor;
    private readonly List<(AgentEventMessage Event, string? Status)> _events = [];
    private readonly Task _loop;

    public RecordingControlPlane(Func<AgentEventMessage, string>? statusFor = null)
    {
        _statusFor = statusFor;
        Secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _verifier = new AgentEventVerifier(new TokenVerifier(new LiveKitCredentials(KeyId, Secret), TimeProvider.System));
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public const string KeyId = "mediahost";

    public string Secret { get; }

    public Uri BaseUrl { get; }

    public IReadOnlyList<AgentEventMessage> Events
    {
        get { lock (_events) return [.. _events.Select(e => e.Event)]; }
    }

    /// <summary>Each accepted event with the status it was answered (null: answered without a body).</summary>
    public IReadOnlyList<(AgentEventMessage Event, string? Status)> Answered
    {
        get { lock (_events) return [.. _events]; }
    }

    /// <summary>Completes with the first accepted event of <paramref name="type"/>.</summary>
    public async Task<AgentEventMessage> WaitForAsync(AgentEventType type)
    {
        while (true)
        {
            if (Events.FirstOrDefault(e => e.Type == type) is { } found)
            {
                return found;
            }
            await Task.Delay(20);
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            var bytes = body.ToArray();
            var callId = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath.Split('/')[^2]);
            if (_verifier.Verify(bytes, context.Request.Headers["Authorization"]) is not null)
            {
                context.Response.StatusCode = 401;
            }
            else if (AgentEventParser.TryParse(bytes, callId, out _) is { } message)
            {
                var status = _statusFor?.Invoke(message);
                lock (_events)
                {
                    _events.Add((message, status));
                }
                context.Response.StatusCode = 200;
                if (status is not null)
                {
                    context.Response.ContentType = "application/json; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(new { Status = status, EventId = message.Id, CallId = callId }, CallsApiJson.Options));
                }
            }
            else
            {
                context.Response.StatusCode = 400;
            }
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        _loop.Wait(TimeSpan.FromSeconds(5));
    }
}
