using System.Net;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// The resilience of each upload request (Polly, on the injected clock): a timeout per try and two retries with a
/// doubling delay for what is transient — no connection, no answer in time, 408, 429 and 5xx. A refusal (403, 404...)
/// is not retried here: the uploader decides (a new link, or give up). Each try builds a fresh request.
/// </summary>
public sealed class UploadRequestPipeline(HttpClient http, TimeSpan requestTimeout, TimeProvider time, TimeSpan? firstRetryDelay = null)
{
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = time }
        .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = 2,
            Delay = firstRetryDelay ?? TimeSpan.FromMilliseconds(500),
            BackoffType = DelayBackoffType.Exponential,
            ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                .Handle<HttpRequestException>()
                .Handle<TimeoutRejectedException>()
                .HandleResult(r => IsTransient(r.StatusCode)),
            OnRetry = args =>
            {
                args.Outcome.Result?.Dispose();
                return ValueTask.CompletedTask;
            },
        })
        .AddTimeout(requestTimeout)
        .Build();

    /// <summary>Sends the request <paramref name="build"/> makes, again on a transient failure; the last outcome is returned or thrown.</summary>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> build, CancellationToken ct) =>
        await _pipeline.ExecuteAsync(async token =>
        {
            using var request = build();
            return await http.SendAsync(request, token).ConfigureAwait(false);
        }, ct).ConfigureAwait(false);

    public static bool IsTransient(HttpStatusCode status) =>
        (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
}
