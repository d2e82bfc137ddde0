namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>An agent to dispatch when a room is created (livekit.RoomAgentDispatch).</summary>
public sealed class RoomAgentDispatch
{
    public string AgentName { get; set; } = "";

    public string Metadata { get; set; } = "";

    public JobRestartPolicy RestartPolicy { get; set; }

    public string Deployment { get; set; } = "";

    public Dictionary<string, string> Attributes { get; set; } = [];
}
