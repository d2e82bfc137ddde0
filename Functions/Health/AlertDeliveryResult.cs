namespace VoiceFunctions.Functions.Health;

/// <summary>
/// The outcome of one attempt to send an alert, and why in words (an HTTP status, a connection error kind, a time
/// limit). The detail never holds the webhook's URL: a chat webhook's URL is its secret.
/// </summary>
public sealed record AlertDeliveryResult(AlertDelivery Outcome, string Detail)
{
    public static readonly AlertDeliveryResult NotConfigured = new(AlertDelivery.NotConfigured, "no alert webhook is configured (Health:AlertWebhookUrl); the alert was only logged");
}
