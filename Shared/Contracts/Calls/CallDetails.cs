using VoiceFunctions.Shared.Calls.Timeline;

namespace VoiceFunctions.Shared.Calls;

/// <summary>A call record with its turns, oldest turn first, and its timeline across both planes, oldest first.</summary>
public sealed record CallDetails(CallRecord Record, IReadOnlyList<CallTurn> Turns)
{
    public IReadOnlyList<CallTimelineEntry> Timeline { get; init; } = [];
}
