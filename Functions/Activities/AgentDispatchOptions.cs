using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Activities;

/// <summary>
/// Configuration section "AgentDispatch": how the agent is brought into a call's room. A missing trunk or agent name
/// does not stop the worker (the webhook endpoint must stay up to record calls): every dispatch is refused with
/// <see cref="MissingSetting"/>, the call is recorded as agent-unavailable with that reason, and the SIP health check
/// reports it (so the health monitor alerts).
/// </summary>
public sealed class AgentDispatchOptions
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

    /// <summary>What the selected mode lacks to dispatch at all, or null when nothing is missing.</summary>
    public string? MissingSetting => Mode switch
    {
        AgentDispatchMode.Sip when string.IsNullOrWhiteSpace(OutboundTrunkId) =>
            "AgentDispatch:OutboundTrunkId is not set (required when AgentDispatch:Mode is Sip): the MediaHost cannot be dialled",
        AgentDispatchMode.LiveKitAgent when string.IsNullOrWhiteSpace(AgentName) =>
            "AgentDispatch:AgentName is not set (required when AgentDispatch:Mode is LiveKitAgent): no agent can be dispatched",
        _ => null,
    };
}

public enum AgentDispatchMode
{
    Sip,
    LiveKitAgent,
}
