using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Tells the control plane how a recording's upload went, as "recording" call events (the call's record and timeline):
/// each failed attempt with its reason (not ended), then the blob's location, duration and size, or the final failure.
/// Queued, never waited for.
/// </summary>
public sealed class RecordingEvents(CallEventQueue queue, TimeProvider time)
{
    /// <summary>The recording id the record keeps (a LiveKit recording has its egress id there).</summary>
    public const string RecordingId = "mediahost";

    public bool Uploaded(RecordedFile file, string location) =>
        Send(file.CallId, "recording-uploaded", new CallRecording(RecordingId, "Complete", true, location, null, time.GetUtcNow(), file.Duration, file.SizeBytes));

    public bool AttemptFailed(RecordedFile file, int attempt, string reason, TimeSpan retryIn) =>
        Send(file.CallId, "recording-attempt-" + attempt, new CallRecording(RecordingId, "Retrying", false, null,
            $"upload attempt {attempt} failed: {reason}; retrying in {retryIn.TotalSeconds:0.###} s", time.GetUtcNow(), file.Duration, file.SizeBytes));

    public bool Failed(RecordedFile file, int attempts, string reason) =>
        Send(file.CallId, "recording-failed", new CallRecording(RecordingId, "Failed", true, null,
            $"upload failed after {attempts} attempt(s): {reason}; the file is kept on the MediaHost", time.GetUtcNow(), file.Duration, file.SizeBytes));

    private bool Send(string callId, string suffix, CallRecording recording) => queue.TryEnqueue(new AgentEventMessage
    {
        Id = $"mh-{callId}-{suffix}",
        CallId = callId,
        Type = AgentEventType.Recording,
        OccurredAt = time.GetUtcNow(),
        Recording = recording,
    });
}
