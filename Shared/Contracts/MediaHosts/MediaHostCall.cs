namespace VoiceFunctions.Shared.MediaHosts;

/// <summary>One call a MediaHost's heartbeat lists: its control-plane call id and when the host answered it.</summary>
public sealed record MediaHostCall(string CallId, DateTimeOffset AnsweredAt);
