namespace VoiceFunctions.Shared.LiveKit.Webhooks;

/// <summary>The HTTP status an endpoint answers for each refusal. LiveKit does not retry 4xx, so these are final.</summary>
public static class WebhookErrorHttpStatus
{
    public static int ToHttpStatus(this WebhookError error) => error switch
    {
        WebhookError.MissingAuthorization or WebhookError.InvalidSignature or WebhookError.UnknownApiKey
            or WebhookError.Expired or WebhookError.HashMismatch => 401,
        WebhookError.BodyTooLarge => 413,
        WebhookError.NotJson or WebhookError.WrongShape => 400,
        _ => throw new ArgumentOutOfRangeException(nameof(error), error, "unknown webhook error"),
    };
}
