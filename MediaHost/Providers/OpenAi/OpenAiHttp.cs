using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// The HTTP shell shared by the OpenAI-compatible providers: the bearer key, a timeout per attempt, bounded
/// retries with doubling delay for transient failures before any data arrived, error JSON turned into a
/// <see cref="ProviderException"/>, and reads of streamed bodies with an idle timeout.
/// </summary>
internal sealed class OpenAiHttp(HttpClient http, OpenAiOptions options, TimeProvider time, ILogger logger)
{
    public OpenAiOptions Options => options;

    /// <summary>POSTs to <paramref name="path"/> (relative to the base URL); returns the successful response with its body unread.</summary>
    public async Task<HttpResponseMessage> PostAsync(string provider, string path, Func<HttpContent> content, CancellationToken cancellationToken)
    {
        var uri = new Uri(options.BaseUrl.TrimEnd('/') + "/" + path.TrimStart('/'));
        var attempts = options.MaxRetries + 1;
        for (var attempt = 1; ; attempt++)
        {
            ProviderException failure;
            using (var timeout = new CancellationTokenSource(options.Timeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = content() };
                if (options.ApiKey.Length > 0)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
                }
                try
                {
                    var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
                    if (response.IsSuccessStatusCode)
                    {
                        return response;
                    }
                    using (response)
                    {
                        failure = await ErrorFromResponseAsync(provider, response, linked.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new ProviderTimeoutException(provider, options.Timeout);
                }
                catch (HttpRequestException e)
                {
                    failure = new ProviderException(provider, "connection failed: " + e.HttpRequestError, isTransient: true, inner: e);
                }
            }
            if (!failure.IsTransient || attempt >= attempts)
            {
                throw failure;
            }
            var delay = options.RetryDelayMs * (1 << (attempt - 1));
            ProvidersLog.Retrying(logger, provider, attempt, attempts, failure.StatusCode, delay);
            await Task.Delay(TimeSpan.FromMilliseconds(delay), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Reads the next piece of a streamed body; 0 at its end. A stall longer than the idle timeout is a <see cref="ProviderTimeoutException"/>, a broken connection a transient <see cref="ProviderException"/>.</summary>
    public async Task<int> ReadAsync(Stream body, Memory<byte> buffer, string provider, CancellationToken cancellationToken)
    {
        using var idle = new CancellationTokenSource(options.StreamIdleTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, idle.Token);
        try
        {
            return await body.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ProviderTimeoutException(provider, options.StreamIdleTimeout);
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

    private async Task<ProviderException> ErrorFromResponseAsync(string provider, HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var transient = response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || status >= 500;
        string detail;
        try
        {
            detail = ErrorMessage(await ReadAllAsync(response, provider, cancellationToken).ConfigureAwait(false));
        }
        catch (ProviderException)
        {
            detail = "(no readable body)";
        }
        return new ProviderException(provider, $"HTTP {status}: {detail}", transient, status);
    }

    /// <summary>The "error.message" of an OpenAI error body, or a short prefix of whatever came back.</summary>
    internal static string ErrorMessage(ReadOnlySpan<byte> body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body.ToArray());
            if (doc.RootElement.TryGetProperty("error", out var error))
            {
                if (error.ValueKind == JsonValueKind.String)
                {
                    return error.GetString() ?? "";
                }
                if (error.TryGetProperty("message", out var message))
                {
                    return message.GetString() ?? "";
                }
            }
        }
        catch (JsonException)
        {
        }
        var text = System.Text.Encoding.UTF8.GetString(body);
        return text.Length > 200 ? text[..200] : text;
    }
}
