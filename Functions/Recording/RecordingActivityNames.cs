namespace VoiceFunctions.Functions.Recording;

/// <summary>The names the orchestrator calls the recording activities by (not the class names; see ActivityNames).</summary>
public static class RecordingActivityNames
{
    public const string StartRecording = "StartRecording";
    public const string StopRecording = "StopRecording";
}
