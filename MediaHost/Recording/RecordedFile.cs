namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// A finished recording on local disk, waiting for its upload: the control plane's call id, the WAV file, how long
/// it plays and its size; <paramref name="LostChunks"/> counts the seconds of audio dropped because the disk fell behind.
/// </summary>
public sealed record RecordedFile(string CallId, string Path, TimeSpan Duration, long SizeBytes, int LostChunks);
