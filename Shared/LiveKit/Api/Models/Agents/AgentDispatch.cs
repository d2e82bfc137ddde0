namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An agent dispatch (livekit.AgentDispatch).</summary>
public sealed class AgentDispatch
{
    /// <summary>"AD_…".</summary>
    public string Id { get; set; } = "";

    public string AgentName { get; set; } = "";

    public string Room { get; set; } = "";

    public string Metadata { get; set; } = "";

    public AgentDispatchState? State { get; set; }

    public JobRestartPolicy RestartPolicy { get; set; }

    public string Deployment { get; set; } = "";

    public Dictionary<string, string> Attributes { get; set; } = [];
}
