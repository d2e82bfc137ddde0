using System.Net;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Hosting;

/// <summary>
/// A loopback stand-in for the control plane's AgentEvents route: checks each report's signature with the control
/// plane's own verifier and parser (401/400 like the real route), records the reports it accepts and answers 200.
/// </summary>
internal sealed class RecordingControlPlane : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly AgentEventVerifier _verifier;
    private readonly List<AgentEventMessage> _events = [];
    private readonly Task _loop;

    public RecordingControlPlane()
    {
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
        get { lock (_events) return [.. _events]; }
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
            var status = 200;
            if (_verifier.Verify(bytes, context.Request.Headers["Authorization"]) is not null)
            {
                status = 401;
            }
            else if (AgentEventParser.TryParse(bytes, callId, out _) is { } message)
            {
                lock (_events)
                {
                    _events.Add(message);
                }
            }
            else
            {
                status = 400;
            }
            context.Response.StatusCode = status;
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
