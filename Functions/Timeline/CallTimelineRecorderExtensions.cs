namespace VoiceFunctions.Functions.Timeline;

/// <summary>
/// The activities take the recorder as an optional dependency: the function app and the hosts always register it
/// (AddControlPlane, the durable test harness); an activity built by hand in a test without one records nothing.
/// </summary>
public static class CallTimelineRecorderExtensions
{
    public static Task StepIfRecordingAsync(this CallTimelineRecorder? recorder, string callId, string step, string name, string? detail,
        CancellationToken ct, DateTimeOffset? at = null) =>
        recorder?.StepAsync(callId, step, name, detail, ct, at) ?? Task.CompletedTask;
}
