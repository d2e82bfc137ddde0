namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>AgentDispatchService.CreateDispatch: ask an agent to join a room.</summary>
public sealed class CreateAgentDispatchRequest
{
    public string AgentName { get; set; } = "";

    public string Room { get; set; } = "";

    public string Metadata { get; set; } = "";

    public JobRestartPolicy RestartPolicy { get; set; }

    public string Deployment { get; set; } = "";

    public Dictionary<string, string> Attributes { get; set; } = [];
}
