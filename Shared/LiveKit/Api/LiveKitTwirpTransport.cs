using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.LiveKit.Api.Json;
using VoiceFunctions.Shared.Resilience;

namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>
/// Sends one Twirp call: serialises the request once, then per attempt mints a fresh token with the
/// method's grant, POSTs {base}/twirp/livekit.{Service}/{Method} as application/json, and turns the answer
/// into the response or a typed exception. Attempts run inside the shared resilience pipeline and each one
/// is measured (<see cref="LiveKitApiMetrics"/>).
/// </summary>
public sealed class LiveKitTwirpTransport
{
    public const string HttpClientName = "VoiceFunctions.LiveKitApi";

    /// <summary>The header naming one API call, as the official SDKs send it; the same on every attempt of the call.</summary>
    public const string RequestIdHeader = "X-Livekit-Request-Id";

    /// <summary>Identifies this SDK to the server (the official ones send livekit-server-sdk-node/…, livekit-server-sdk-go/…).</summary>
    public static string UserAgent { get; } =
        $"voicefunctions-livekit-server-dotnet/{typeof(LiveKitTwirpTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0"}";

    private static readonly MediaTypeHeaderValue JsonContentType = new("application/json");

    private readonly IHttpClientFactory _httpClients;
    private readonly Uri _baseUri;
    private readonly ServiceTokenFactory _tokens;
    private readonly ResiliencePipeline _pipeline;
    private readonly LiveKitApiMetrics _metrics;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LiveKitTwirpTransport(
        IHttpClientFactory httpClients,
        LiveKitApiOptions options,
        ResiliencePipeline pipeline,
        LiveKitApiMetrics metrics,
        TimeProvider timeProvider,
        ILogger<LiveKitTwirpTransport> logger)
    {
        _httpClients = httpClients;
        _baseUri = LiveKitUrl.ToHttpBase(options.Url);
        _tokens = new ServiceTokenFactory(new Auth.LiveKitCredentials(options.ApiKey, options.ApiSecret), timeProvider, options.TokenTtl);
        _pipeline = pipeline;
        _metrics = metrics;
        _time = timeProvider;
        _logger = logger;
    }

    /// <summary>The http(s) base every call goes to.</summary>
    public Uri BaseUri => _baseUri;

    /// <param name="safeToRepeat">Overrides the method's retry rule for this call (only ever to forbid a retry the request makes unsafe).</param>
    /// <param name="attemptTimeout">Overrides the per-attempt timeout (a dial that waits for the answer).</param>
    public async Task<TResponse> CallAsync<TRequest, TResponse>(
        TwirpMethod method,
        TRequest request,
        TwirpGrant grant,
        CancellationToken cancellationToken,
        bool? safeToRepeat = null,
        TimeSpan? attemptTimeout = null)
    {
        var call = new Call(this, method, grant, LiveKitUrl.MethodUri(_baseUri, method),
            JsonSerializer.SerializeToUtf8Bytes(request, LiveKitJson.Client), cancellationToken);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(OutboundCallProperties.SafeToRepeat, safeToRepeat ?? method.SafeToRepeat);
        if (attemptTimeout is { } timeout)
        {
            context.Properties.Set(OutboundCallProperties.AttemptTimeout, timeout);
        }
        try
        {
            return await _pipeline.ExecuteAsync(
                static (ctx, state) => state.SendOnceAsync<TResponse>(ctx.CancellationToken), context, call).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException e)
        {
            throw new LiveKitTimeoutException(method.FullName, e.Timeout, e);
        }
        catch (BrokenCircuitException e)
        {
            LiveKitApiLog.CircuitOpen(_logger, method.FullName);
            throw new LiveKitCircuitOpenException(method.FullName, e.RetryAfter, e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>One call's fixed parts and its attempt counter.</summary>
    private sealed class Call(LiveKitTwirpTransport transport, TwirpMethod method, TwirpGrant grant, Uri uri, byte[] body, CancellationToken callerToken)
    {
        private readonly string _requestId = Guid.NewGuid().ToString();
        private int _attempts;

        public async ValueTask<TResponse> SendOnceAsync<TResponse>(CancellationToken attemptToken)
        {
            var attempt = Interlocked.Increment(ref _attempts);
            var started = transport._time.GetTimestamp();
            var outcome = LiveKitApiMetrics.SuccessOutcome;
            var transient = false;
            try
            {
                using var message = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
                message.Content.Headers.ContentType = JsonContentType;
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", transport._tokens.Create(grant));
                message.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
                message.Headers.Add(RequestIdHeader, _requestId);
                var http = transport._httpClients.CreateClient(HttpClientName);
                using var response = await http.SendAsync(message, HttpCompletionOption.ResponseContentRead, attemptToken).ConfigureAwait(false);
                var bytes = await response.Content.ReadAsByteArrayAsync(attemptToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return ReadResponse<TResponse>(bytes, ref outcome);
                }
                var error = TwirpErrorReader.Read(method.FullName, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, Encoding.UTF8.GetString(bytes));
                outcome = TwirpErrorCodes.ToWireName(error.Code);
                transient = error.IsTransient;
                throw error;
            }
            catch (Exception e) when (e is HttpRequestException or IOException && !attemptToken.IsCancellationRequested)
            {
                var failure = new LiveKitConnectionException(method.FullName, Describe(e), e);
                outcome = "connection_error";
                transient = failure.IsTransient;
                throw failure;
            }
            catch (OperationCanceledException) when (attemptToken.IsCancellationRequested)
            {
                // The attempt token fires for the caller's cancellation and for our own attempt timeout.
                outcome = callerToken.IsCancellationRequested ? "canceled" : "timeout";
                transient = outcome == "timeout";
                throw;
            }
            finally
            {
                var elapsed = transport._time.GetElapsedTime(started);
                transport._metrics.RecordAttempt(method, attempt, outcome, elapsed);
                if (outcome == LiveKitApiMetrics.SuccessOutcome)
                {
                    LiveKitApiLog.AttemptSucceeded(transport._logger, method.FullName, attempt, (long)elapsed.TotalMilliseconds);
                }
                else
                {
                    LiveKitApiLog.AttemptFailed(transport._logger, method.FullName, attempt, (long)elapsed.TotalMilliseconds, outcome, transient);
                }
            }
        }

        private TResponse ReadResponse<TResponse>(byte[] bytes, ref string outcome)
        {
            try
            {
                return JsonSerializer.Deserialize<TResponse>(bytes, LiveKitJson.Client)
                    ?? throw new JsonException("the response body is JSON null");
            }
            catch (JsonException e)
            {
                outcome = "invalid_response";
                throw new LiveKitApiException(method.FullName, TwirpErrorCode.Unknown, 200, $"the response is not the expected JSON ({e.Message})");
            }
        }

        private static string Describe(Exception e) => e is HttpRequestException http
            ? http.HttpRequestError switch
            {
                HttpRequestError.ConnectionError => "connection refused or reset",
                HttpRequestError.NameResolutionError => "name resolution failed",
                HttpRequestError.SecureConnectionError => "secure connection failed",
                HttpRequestError.ResponseEnded => "connection closed before the response ended",
                _ => "transport error",
            }
            : "connection closed while reading the response";
    }
}
