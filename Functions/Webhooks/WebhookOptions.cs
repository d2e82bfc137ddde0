using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>Configuration section "Webhooks": limits and deduplication of LiveKit webhooks and agent events.</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Largest LiveKit webhook body in bytes. Default 1 MiB (real events are a few KB).</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Rotation of the LiveKit key webhooks are signed with: the API key being retired. Webhooks signed with it (and
    /// <see cref="PreviousApiSecret"/>) are still accepted while both are set; LiveKit's keys rotate as pairs, so it
    /// differs from LiveKit:ApiKey. Default: none.
    /// </summary>
    public string? PreviousApiKey { get; set; }

    /// <summary>Rotation: the secret of <see cref="PreviousApiKey"/>. Default: none.</summary>
    public string? PreviousApiSecret { get; set; }

    /// <summary>Table that remembers handled event ids. Default "EventDedupe".</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string DedupeTableName { get; set; } = "EventDedupe";

    /// <summary>
    /// Table that keeps events delivered to a call before its orchestration ran, until it takes them
    /// (see <see cref="Orchestrations.EarlyEventStore"/>). Default "CallEarlyEvents".
    /// </summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string EarlyEventsTableName { get; set; } = "CallEarlyEvents";

    /// <summary>
    /// Hours an event id is remembered. Default 24. Must outlive a webhook token (5 min) plus LiveKit's
    /// retries, so neither a redelivery nor a replayed request can act twice.
    /// </summary>
    [Range(1, 24 * 30)]
    public int DedupeRetentionHours { get; set; } = 24;
}
