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

    /// <summary>
    /// Our numbers a call may show as its caller ID (E.164; Outbound:CallerIds:0, :1 …): a request's "from" must be one
    /// of them, so nobody calls out under a number that is not ours. Empty (default): "from" is refused and every call
    /// shows the trunk's default caller ID.
    /// </summary>
    public List<string> CallerIds { get; set; } = [];

    /// <summary>
    /// LiveKit mode: answering-machine detection on the calls we place, run by the agent's MediaHost leg on the callee's
    /// audio (Off, HangUp, LeaveMessage). Default Off. Direct mode: the MediaHost's own Outbound:AmdAction decides.
    /// </summary>
    public OutboundAmdAction AmdAction { get; set; } = OutboundAmdAction.Off;

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
        for (var i = 0; i < CallerIds.Count; i++)
        {
            if (!PlaceCallValidator.IsE164(CallerIds[i]))
            {
                yield return new ValidationResult($"Outbound:CallerIds:{i} must be an E.164 number such as +15550002222", [nameof(CallerIds)]);
            }
        }
    }
}
