namespace VoiceFunctions.MediaHost.Recording;

/// <summary>An upload step that failed, with a reason fit for the call's timeline (no URL, no signature).</summary>
public sealed class RecordingUploadException(string reason) : Exception(reason);
