namespace VoiceFunctions.Shared.LiveKit.Api.Models;

/// <summary>livekit.AgentDispatchState.</summary>
public sealed class AgentDispatchState
{
    public long CreatedAt { get; set; }

    public long DeletedAt { get; set; }
}
