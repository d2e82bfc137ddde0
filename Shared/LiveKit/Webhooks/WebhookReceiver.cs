using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

namespace VoiceFunctions.Shared.LiveKit.Webhooks;

/// <summary>
/// Verifies and parses a LiveKit webhook delivery the way LiveKit's own receivers do: the
/// Authorization header is the bare JWT signed with the secret of one of our API keys, and its
/// <c>sha256</c> claim is the hash of the raw body bytes. Only then is the body parsed.
/// Pure code over bytes: the HTTP endpoint reads the body (see <see cref="WebhookBodyReader"/>) and
/// maps a refusal to <see cref="WebhookReceiveResult.HttpStatus"/>.
/// </summary>
public sealed class WebhookReceiver
{
    private const string BearerPrefix = "Bearer ";
    private readonly TokenVerifier _verifier;

    public WebhookReceiver(IReadOnlyDictionary<string, string> secretsByApiKey, TimeProvider time, WebhookReceiverOptions? options = null)
    {
        var settings = options ?? new WebhookReceiverOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.MaxBodyBytes, 1);
        MaxBodyBytes = settings.MaxBodyBytes;
        _verifier = new TokenVerifier(secretsByApiKey, time, settings.ClockLeeway);
    }

    public WebhookReceiver(LiveKitCredentials credentials, TimeProvider time, WebhookReceiverOptions? options = null)
        : this(new Dictionary<string, string> { [credentials.ApiKey] = credentials.ApiSecret }, time, options)
    {
    }

    public int MaxBodyBytes { get; }

    /// <param name="body">The raw request body, exactly as received.</param>
    /// <param name="authorization">The Authorization header value (LiveKit sends the bare JWT; a "Bearer " prefix is tolerated).</param>
    public WebhookReceiveResult Receive(ReadOnlySpan<byte> body, string? authorization)
    {
        if (body.Length > MaxBodyBytes)
        {
            return WebhookReceiveResult.Failure(WebhookError.BodyTooLarge, $"the body is over the limit of {MaxBodyBytes} bytes");
        }
        var jwt = authorization?.Trim();
        if (jwt is not null && (jwt.StartsWith(BearerPrefix, StringComparison.Ordinal) || jwt == BearerPrefix.TrimEnd()))
        {
            jwt = jwt[(BearerPrefix.Length - 1)..].TrimStart();
        }
        if (string.IsNullOrEmpty(jwt))
        {
            return WebhookReceiveResult.Failure(WebhookError.MissingAuthorization, "the Authorization header is missing or empty");
        }

        var token = _verifier.Verify(jwt);
        if (!token.IsValid)
        {
            return WebhookReceiveResult.Failure(ToWebhookError(token.Error.Value), "authorization: " + token.Message, token.Error);
        }
        if (!BodyHash.Matches(body, token.Claims.Sha256))
        {
            return WebhookReceiveResult.Failure(
                WebhookError.HashMismatch,
                token.Claims.Sha256 is null
                    ? "the authorization token carries no sha256 claim"
                    : "the sha256 claim does not match the SHA-256 of the body received");
        }
        return WebhookEventParser.Parse(body);
    }

    /// <summary>
    /// Reads the request body (stopping past <see cref="MaxBodyBytes"/>, so an oversized request is
    /// refused with 413 without being buffered whole) and then verifies and parses it.
    /// </summary>
    public async Task<WebhookReceiveResult> ReceiveAsync(
        Stream body, long? contentLength, string? authorization, CancellationToken cancellationToken)
    {
        var bytes = await WebhookBodyReader.ReadAsync(body, contentLength, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        return bytes is null
            ? WebhookReceiveResult.Failure(WebhookError.BodyTooLarge, $"the body is over the limit of {MaxBodyBytes} bytes")
            : Receive(bytes, authorization);
    }

    private static WebhookError ToWebhookError(TokenError error) => error switch
    {
        TokenError.UnknownApiKey => WebhookError.UnknownApiKey,
        TokenError.Expired or TokenError.NotYetValid or TokenError.MissingExpiry => WebhookError.Expired,
        _ => WebhookError.InvalidSignature,
    };
}
