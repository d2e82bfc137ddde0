using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>Configuration section "Calls": which rooms are calls and the call policy (see <see cref="CallSettings"/>).</summary>
public sealed class CallPolicyOptions : IValidatableObject
{
    public const string SectionName = "Calls";

    /// <summary>Rooms whose name starts with this are phone calls (the dispatch rule's room prefix). Default "call-".</summary>
    [Required]
    public string RoomPrefix { get; set; } = "call-";

    /// <summary>Participant identities starting with this are our agent's SIP leg. Default "agent-".</summary>
    [Required]
    public string AgentIdentityPrefix { get; set; } = "agent-";

    /// <summary>Seconds to wait for the agent after each dispatch. Default 10.</summary>
    [Range(1, 300)]
    public int AgentAnswerTimeoutSeconds { get; set; } = 10;

    /// <summary>Dispatches before the fallback. Default 2.</summary>
    [Range(1, 10)]
    public int MaxDispatchAttempts { get; set; } = 2;

    /// <summary>Durable retries of one dispatch request on transient failures. Default 3.</summary>
    [Range(1, 10)]
    public int DispatchActivityAttempts { get; set; } = 3;

    /// <summary>Maximum call length in minutes. Default 30.</summary>
    [Range(1, 24 * 60)]
    public int MaxCallDurationMinutes { get; set; } = 30;

    /// <summary>Seconds a call started by room_started waits for its SIP caller. Default 30.</summary>
    [Range(1, 600)]
    public int CallerJoinTimeoutSeconds { get; set; } = 30;

    /// <summary>The human fallback (sip:, sips: or tel: URI), or empty to end unanswered calls. Default empty.</summary>
    public string? HumanTransferTo { get; set; }

    /// <summary>Direct mode: seconds without any MediaHost event before the call is presumed lost. Default 60.</summary>
    [Range(5, 3600)]
    public int DirectSilenceTimeoutSeconds { get; set; } = 60;

    public CallSettings ToSettings() => new()
    {
        AgentAnswerTimeout = TimeSpan.FromSeconds(AgentAnswerTimeoutSeconds),
        MaxDispatchAttempts = MaxDispatchAttempts,
        DispatchActivityAttempts = DispatchActivityAttempts,
        MaxCallDuration = TimeSpan.FromMinutes(MaxCallDurationMinutes),
        CallerJoinTimeout = TimeSpan.FromSeconds(CallerJoinTimeoutSeconds),
        HumanTransferTo = string.IsNullOrWhiteSpace(HumanTransferTo) ? null : HumanTransferTo.Trim(),
        DirectSilenceTimeout = TimeSpan.FromSeconds(DirectSilenceTimeoutSeconds),
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(HumanTransferTo)
            && !HumanTransferTo.Trim().TrimStart('<').StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
            && !HumanTransferTo.Trim().TrimStart('<').StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
            && !HumanTransferTo.Trim().TrimStart('<').StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            yield return new ValidationResult("Calls:HumanTransferTo must be a sip:, sips: or tel: URI", [nameof(HumanTransferTo)]);
        }
    }
}
