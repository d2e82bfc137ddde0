using System.Diagnostics.CodeAnalysis;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.LiveKit.Webhooks;

/// <summary>
/// A verified and parsed webhook event, or why the delivery was refused. The message names the
/// problem only; it never contains the token, a secret or the body.
/// </summary>
public sealed class WebhookReceiveResult
{
    private WebhookReceiveResult(WebhookEvent? webhookEvent, WebhookError? error, string? message, TokenError? tokenError)
    {
        Event = webhookEvent;
        Error = error;
        Message = message;
        TokenError = tokenError;
    }

    [MemberNotNullWhen(true, nameof(Event))]
    [MemberNotNullWhen(false, nameof(Error), nameof(Message))]
    public bool IsValid => Event is not null;

    public WebhookEvent? Event { get; }
    public WebhookError? Error { get; }
    public string? Message { get; }

    /// <summary>The token verifier's own reason, when the refusal came from the Authorization JWT.</summary>
    public TokenError? TokenError { get; }

    /// <summary>The status to answer: 200 when accepted, else 401, 400 or 413.</summary>
    public int HttpStatus => Error?.ToHttpStatus() ?? 200;

    public static WebhookReceiveResult Success(WebhookEvent webhookEvent) =>
        new(webhookEvent ?? throw new ArgumentNullException(nameof(webhookEvent)), null, null, null);

    public static WebhookReceiveResult Failure(WebhookError error, string message, TokenError? tokenError = null) =>
        new(null, error, message, tokenError);

    public override string ToString() => IsValid ? $"webhook {Event.Event}" : $"{Error} ({HttpStatus}): {Message}";
}
