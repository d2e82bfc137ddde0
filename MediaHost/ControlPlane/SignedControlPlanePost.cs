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

    /// <summary>
    /// The control plane's answer: its status, or null with the reason no answer came; on a 2xx, the start of its body
    /// (at most <see cref="ControlPlaneEventAnswer.MaxBytes"/>; empty when it could not be read: the request succeeded anyway).
    /// </summary>
    public readonly record struct Answer(HttpStatusCode? Status, string Problem, ReadOnlyMemory<byte> Body = default)
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
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
            var answer = new Answer(response.StatusCode, $"HTTP {(int)response.StatusCode}");
            return answer.Succeeded ? answer with { Body = await ReadBodyAsync(response, timeout.Token).ConfigureAwait(false) } : answer;
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

    /// <summary>
    /// The answer's body, one byte more than the reader takes at most (so a longer one is seen as such), or empty when it
    /// cannot be read in time: the event was taken, and a retry for want of the body would only be answered "duplicate".
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            var buffer = new byte[Math.Min(response.Content.Headers.ContentLength ?? ControlPlaneEventAnswer.MaxBytes, ControlPlaneEventAnswer.MaxBytes) + 1];
            var length = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct).ConfigureAwait(false);
            return buffer.AsMemory(0, length);
        }
        catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
        {
            return ReadOnlyMemory<byte>.Empty;
        }
    }
}
