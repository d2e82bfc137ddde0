namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>AgentDispatchService.ListDispatch response.</summary>
public sealed class ListAgentDispatchResponse
{
    public List<AgentDispatch> AgentDispatches { get; set; } = [];
}
