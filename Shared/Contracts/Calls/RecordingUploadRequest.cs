namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// The MediaHost's signed request (POST /api/calls/{callId}/recording/upload, signed like an agent event) for a
/// short-lived, write-only link to the call's recording blob (direct mode: the MediaHost records and uploads itself,
/// with no storage SDK and no storage key). <see cref="ContentType"/>: "audio/wav".
/// </summary>
public sealed record RecordingUploadRequest(string CallId, string ContentType, long SizeBytes);
