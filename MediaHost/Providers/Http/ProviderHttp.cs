using System.Globalization;
using System.Net.Http.Headers;
using VoiceFunctions.MediaHost.Providers.Llm;

namespace VoiceFunctions.MediaHost.Providers.Http;

/// <summary>
/// The HTTP shell of the streaming HTTP providers (OpenAI speech, Azure Speech TTS): one attempt with a deadline until
/// the response headers, an error status turned into a <see cref="ProviderException"/> (status, the server's message,
/// transient for 408/429/5xx, Retry-After), and body reads with an idle timeout. Retries are not here: they belong to
/// the failover chain's pipeline.
/// </summary>
public sealed class ProviderHttp(HttpClient http, TimeSpan attemptTimeout, TimeSpan idleTimeout, TimeProvider time)
{
    public TimeSpan IdleTimeout => idleTimeout;

    /// <summary>Sends the request; returns the successful response with its body unread.</summary>
    public async Task<HttpResponseMessage> SendAsync(string provider, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(attemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderTimeoutException(provider, attemptTimeout);
        }
        catch (HttpRequestException e)
        {
            throw new ProviderException(provider, "connection failed: " + e.HttpRequestError, isTransient: true, inner: e);
        }
        if (response.IsSuccessStatusCode)
        {
            return response;
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            string detail;
            try
            {
                detail = OpenAiErrors.ErrorMessage(await ReadAllAsync(response, provider, linked.Token).ConfigureAwait(false));
            }
            catch (Exception e) when (e is ProviderException or OperationCanceledException)
            {
                detail = "(no readable body)";
            }
            throw new ProviderException(provider, $"HTTP {status}: {detail}", ProviderException.IsTransientStatus(status), status, retryAfter: RetryAfter(response.Headers.RetryAfter));
        }
    }

    /// <summary>Reads the next piece of a streamed body; 0 at its end. A stall longer than the idle timeout is a <see cref="ProviderTimeoutException"/>, a broken connection a transient <see cref="ProviderException"/>.</summary>
    public async Task<int> ReadAsync(Stream body, Memory<byte> buffer, string provider, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(idleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await body.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderTimeoutException(provider, idleTimeout);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new ProviderException(provider, "the response stream broke off", isTransient: true, inner: e);
        }
    }

    /// <summary>Reads a whole (non-streamed) body under the idle timeout.</summary>
    public async Task<byte[]> ReadAllAsync(HttpResponseMessage response, string provider, CancellationToken cancellationToken)
    {
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var all = new MemoryStream();
        var buffer = new byte[16 * 1024];
        int n;
        while ((n = await ReadAsync(body, buffer, provider, cancellationToken).ConfigureAwait(false)) > 0)
        {
            all.Write(buffer, 0, n);
        }
        return all.ToArray();
    }

    /// <summary>Retry-After as a delay (seconds form; an HTTP date is read relative to the injected clock).</summary>
    internal TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - time.GetUtcNow() is { Ticks: > 0 } wait ? wait : TimeSpan.Zero,
        _ => null,
    };

    /// <summary>Retry-After from a raw header value (WebSocket upgrade refusals).</summary>
    public static TimeSpan? ParseRetryAfterSeconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? TimeSpan.FromSeconds(seconds) : null;
}
