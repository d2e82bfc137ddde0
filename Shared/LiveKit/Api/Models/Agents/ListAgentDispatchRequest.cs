namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>AgentDispatchService.ListDispatch.</summary>
public sealed class ListAgentDispatchRequest
{
    public string DispatchId { get; set; } = "";

    public string Room { get; set; } = "";
}
