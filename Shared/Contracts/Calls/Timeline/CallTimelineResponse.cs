namespace VoiceFunctions.Shared.Calls.Timeline;

/// <summary>GET /api/calls/{callId}/timeline: everything that happened in the call across both planes, oldest first.</summary>
public sealed record CallTimelineResponse(string CallId, IReadOnlyList<CallTimelineEntry> Entries);
