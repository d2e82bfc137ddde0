namespace VoiceFunctions.Functions.Health;

/// <summary>What became of an alert at the alert webhook.</summary>
public enum AlertDelivery
{
    /// <summary>The webhook answered 2xx.</summary>
    Delivered,
    /// <summary>The webhook refused it or did not answer; the alert is sent again at the next check.</summary>
    Failed,
    /// <summary>No webhook is configured (Health:AlertWebhookUrl): the alert was only logged.</summary>
    NotConfigured,
}
