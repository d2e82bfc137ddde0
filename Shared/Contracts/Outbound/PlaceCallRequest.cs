namespace VoiceFunctions.Shared.Outbound;

/// <summary>
/// The body of POST /api/calls: one outbound call. The idempotency key (body or Idempotency-Key header) makes a
/// repeated request return the call already placed instead of ringing the callee twice.
/// </summary>
public sealed record PlaceCallRequest
{
    /// <summary>The callee, E.164 ("+15550001111").</summary>
    public string? To { get; init; }

    /// <summary>The caller ID shown to the callee (one of our numbers, E.164); empty: the trunk's default.</summary>
    public string? From { get; init; }

    /// <summary>Optional key that makes retries of this request safe (letters, digits, '-', '_', '.'; at most 64).</summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>Per-call variables for the agent's prompt ({name} placeholders); at most 32, values at most 512 characters.</summary>
    public Dictionary<string, string>? Variables { get; init; }

    /// <summary>How long to let it ring, in seconds (5-120); empty: 30.</summary>
    public int? RingTimeoutSeconds { get; init; }
}
