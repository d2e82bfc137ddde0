namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>AgentDispatchService.DeleteDispatch.</summary>
public sealed class DeleteAgentDispatchRequest
{
    public string DispatchId { get; set; } = "";

    public string Room { get; set; } = "";
}
