using System.Net;
using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>
/// A test double of the control plane's AgentEvents route on loopback (not the control plane): checks each report's
/// signature with the control plane's own verifier and parser, records it, and answers 200 with the body the real route
/// sends (Functions' WebhookAnswer: <c>{"status","eventId","callId"}</c>), its status chosen per event by the test —
/// e.g. "CallAlreadyFinished" to the answer of a call it has already settled.
/// </summary>
internal sealed class FinishingControlPlaneDouble : IDisposable
{
    public const string KeyId = "mediahost";

    private readonly HttpListener _listener = new();
    private readonly AgentEventVerifier _verifier;
    private readonly Func<AgentEventMessage, string> _statusFor;
    private readonly List<(AgentEventMessage Event, string Status)> _answered = [];
    private readonly Task _loop;

    public FinishingControlPlaneDouble(Func<AgentEventMessage, string> statusFor)
    {
        _statusFor = statusFor;
        Secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        _verifier = new AgentEventVerifier(new TokenVerifier(new LiveKitCredentials(KeyId, Secret), TimeProvider.System));
        BaseUrl = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public string Secret { get; }

    public Uri BaseUrl { get; }

    /// <summary>Each accepted event with the status it was answered.</summary>
    public IReadOnlyList<(AgentEventMessage Event, string Status)> Answered
    {
        get { lock (_answered) return [.. _answered]; }
    }

    /// <summary>Completes with the first accepted event of <paramref name="type"/>.</summary>
    public async Task<AgentEventMessage> WaitForAsync(AgentEventType type)
    {
        while (true)
        {
            if (Answered.FirstOrDefault(a => a.Event.Type == type).Event is { } found)
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
                var status = _statusFor(message);
                lock (_answered)
                {
                    _answered.Add((message, status));
                }
                var answer = JsonSerializer.SerializeToUtf8Bytes(new { Status = status, EventId = message.Id, CallId = callId }, CallsApiJson.Options);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json; charset=utf-8";
                await context.Response.OutputStream.WriteAsync(answer);
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
