namespace VoiceFunctions.Shared.Calls;

/// <summary>GET /api/calls/{id}/recording: a read link valid until <see cref="ExpiresAt"/>, and what the record says of the file.</summary>
public sealed record RecordingLinkResponse(string CallId, string EgressId, string Status, Uri Url, DateTimeOffset ExpiresAt, long? DurationMs, long? SizeBytes);
