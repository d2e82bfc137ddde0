using System.Net;
using System.Net.Http.Headers;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// One POST of a JSON body to the control plane, signed with the MediaHost's key and bounded by
/// <see cref="ControlPlaneOptions.RequestTimeout"/>: what the event sender and the heartbeat sender both send. It says
/// what came back (a status, or why nothing did); what to do about it (retry, log, give up) is the caller's.
/// Cancellation by the caller's own token is not an answer and propagates.
/// </summary>
public sealed class SignedControlPlanePost(HttpClient http, ControlPlaneOptions options, TimeProvider time)
{
    private readonly WebhookSigner _signer = new(new LiveKitCredentials(options.KeyId, options.Secret), time);
    private readonly Uri _baseUrl = new(options.BaseUrl.TrimEnd('/') + "/");

    /// <summary>The control plane's answer: its status, or null with the reason no answer came.</summary>
    public readonly record struct Answer(HttpStatusCode? Status, string Problem)
    {
        public bool Succeeded => Status is { } s && (int)s is >= 200 and < 300;
    }

    public async Task<Answer> SendAsync(string relativePath, byte[] body, CancellationToken ct)
    {
        try
        {
            using var deadline = new CancellationTokenSource(options.RequestTimeout, time);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_baseUrl, relativePath)) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _signer.Sign(body));
            using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
            return new Answer(response.StatusCode, $"HTTP {(int)response.StatusCode}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Answer(null, $"no answer within {options.RequestTimeout.TotalSeconds:0.#} s");
        }
        catch (HttpRequestException e)
        {
            return new Answer(null, e.HttpRequestError.ToString());
        }
    }
}
