namespace VoiceFunctions.MediaHost.Recording;

/// <summary>An upload step that failed, with a reason fit for the call's timeline (no URL, no signature) and the HTTP status when there was one.</summary>
public sealed class RecordingUploadException(string reason, int? status = null) : Exception(reason)
{
    public int? Status { get; } = status;
}
