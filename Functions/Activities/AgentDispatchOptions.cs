using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Configuration section "AgentDispatch": how the agent is brought into a call's room.</summary>
public sealed class AgentDispatchOptions : IValidatableObject
{
    public const string SectionName = "AgentDispatch";

    /// <summary>
    /// <see cref="AgentDispatchMode.Sip"/> (default): LiveKit SIP calls the MediaHost through an outbound
    /// trunk whose address is the MediaHost. <see cref="AgentDispatchMode.LiveKitAgent"/>: a LiveKit agent
    /// dispatch (for an agent that joins rooms as a LiveKit participant).
    /// </summary>
    public AgentDispatchMode Mode { get; set; } = AgentDispatchMode.Sip;

    /// <summary>Sip mode: the LiveKit outbound trunk (ST_…) whose address is the MediaHost. Required in Sip mode.</summary>
    public string? OutboundTrunkId { get; set; }

    /// <summary>Sip mode: the user part dialled at the MediaHost (sipCallTo). Default "agent".</summary>
    [Required]
    public string MediaHostSipUser { get; set; } = "agent";

    /// <summary>Sip mode: how long LiveKit rings the MediaHost, in seconds. Default 15.</summary>
    [Range(1, 180)]
    public int RingingTimeoutSeconds { get; set; } = 15;

    /// <summary>LiveKitAgent mode: the agent name to dispatch. Required in that mode.</summary>
    public string? AgentName { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Mode == AgentDispatchMode.Sip && string.IsNullOrWhiteSpace(OutboundTrunkId))
        {
            yield return new ValidationResult("AgentDispatch:OutboundTrunkId is required when AgentDispatch:Mode is Sip", [nameof(OutboundTrunkId)]);
        }
        if (Mode == AgentDispatchMode.LiveKitAgent && string.IsNullOrWhiteSpace(AgentName))
        {
            yield return new ValidationResult("AgentDispatch:AgentName is required when AgentDispatch:Mode is LiveKitAgent", [nameof(AgentName)]);
        }
    }
}

public enum AgentDispatchMode
{
    Sip,
    LiveKitAgent,
}
