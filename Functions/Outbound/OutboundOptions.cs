using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>Configuration section "Outbound": how outbound calls are placed.</summary>
public sealed class OutboundOptions : IValidatableObject
{
    public const string SectionName = "Outbound";

    /// <summary>LiveKit (default) or Direct.</summary>
    public OutboundMode Mode { get; set; } = OutboundMode.LiveKit;

    /// <summary>LiveKit mode: the LiveKit outbound trunk (ST_…) to the carrier that reaches callees. Required in LiveKit mode.</summary>
    public string? CalleeTrunkId { get; set; }

    /// <summary>Direct mode: the MediaHost's HTTP base address (e.g. http://mediahost:8080). Required in Direct mode.</summary>
    public Uri? MediaHostUrl { get; set; }

    /// <summary>How long a callee rings when the request names no ring timeout, in seconds. Default 30.</summary>
    [Range(5, 120)]
    public int DefaultRingTimeoutSeconds { get; set; } = 30;

    /// <summary>Direct mode: extra time, in seconds, the dial request to the MediaHost may take beyond the ring timeout. Default 15.</summary>
    [Range(1, 120)]
    public int MediaHostMarginSeconds { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == OutboundMode.LiveKit && string.IsNullOrWhiteSpace(CalleeTrunkId))
        {
            yield return new ValidationResult("Outbound:CalleeTrunkId is required when Outbound:Mode is LiveKit", [nameof(CalleeTrunkId)]);
        }
        if (Mode == OutboundMode.Direct && MediaHostUrl is not { IsAbsoluteUri: true })
        {
            yield return new ValidationResult("Outbound:MediaHostUrl (an absolute http(s) URL) is required when Outbound:Mode is Direct", [nameof(MediaHostUrl)]);
        }
    }
}
