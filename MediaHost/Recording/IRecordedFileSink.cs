namespace VoiceFunctions.MediaHost.Recording;

/// <summary>Where finished recordings go: the <see cref="RecordingUploader"/>'s queue.</summary>
public interface IRecordedFileSink
{
    /// <returns>False when the recording cannot be taken (queue full: the file stays on disk, logged).</returns>
    bool Enqueue(RecordedFile file);
}
