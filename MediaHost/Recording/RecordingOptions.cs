namespace VoiceFunctions.MediaHost.Recording;

/// <summary>
/// Direct-mode call recording by the MediaHost (section "Recording"; environment Recording__Enabled...): each call is
/// recorded as stereo WAV (caller left, agent right) to a local folder, then uploaded to Blob Storage through a
/// write-only link the control plane grants (the MediaHost holds no storage key). Needs ControlPlane:BaseUrl.
/// Validated at start by <see cref="RecordingOptionsValidator"/>.
/// </summary>
public sealed class RecordingOptions
{
    public const string Section = "Recording";

    /// <summary>Record calls. Default false. Until per-number agent profiles decide it, this applies to every call.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Played to the caller right after the answer, before recording starts (so it is not in the recording); empty: no
    /// announcement. Spoken by the call's text-to-speech. Example: "This call is recorded." Default empty.
    /// </summary>
    public string ConsentPhrase { get; set; } = "";

    /// <summary>Sample rate of the WAV file, Hz: 16000 (the media path's rate) or 8000 (half the size, telephone band). Default 16000.</summary>
    public int SampleRate { get; set; } = 16_000;

    /// <summary>Where recordings are written until uploaded; a file whose upload finally failed stays here. Default: the temp folder's voicefunctions-recordings.</summary>
    public string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "voicefunctions-recordings");

    /// <summary>Seconds of audio that may wait for the disk before a second is dropped (the clock never waits). Default 30; 2 to 600.</summary>
    public int QueuedSeconds { get; set; } = 30;

    /// <summary>Upload attempts per recording (a new upload link each time). Default 5; 1 to 20.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Wait before the second attempt; it doubles for each further one. Default 2 s; 10 ms to 5 min.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Timeout of each HTTP request (the link request, each block). Default 30 s; 1 s to 10 min.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Files up to this size go up in one Put Blob; larger ones in blocks of this size (Put Block + Put Block List). Default 4 MiB; 64 KiB to 100 MiB.</summary>
    public int BlockBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Recordings uploaded at the same time. Default 2; 1 to 16.</summary>
    public int ParallelUploads { get; set; } = 2;

    /// <summary>Finished recordings waiting for upload; beyond this a recording is kept on disk (logged) and not uploaded. Default 1000.</summary>
    public int UploadQueueCapacity { get; set; } = 1000;

    /// <summary>Set by the host, not bound: whether ControlPlane:BaseUrl is set (recording needs it).</summary>
    internal bool ControlPlaneConfigured { get; set; } = true;
}
