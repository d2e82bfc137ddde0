using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Shared.LiveKit.Webhooks;

/// <summary>Limits for receiving LiveKit webhooks.</summary>
public sealed class WebhookReceiverOptions
{
    public const int DefaultMaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Largest body accepted, in bytes (default 1 MiB). Real events are a few KB; the limit keeps a
    /// forged or runaway request from being buffered and hashed in full. Larger bodies get 413.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxBodyBytes { get; set; } = DefaultMaxBodyBytes;

    /// <summary>
    /// Clock skew allowed on the JWT's exp/nbf (default 60 s, the LiveKit server's own leeway).
    /// Webhook tokens live 5 minutes, so a small skew must not reject fresh deliveries.
    /// </summary>
    public TimeSpan ClockLeeway { get; set; } = TimeSpan.FromSeconds(60);
}
