namespace VoiceFunctions.MediaHost.Recording;

/// <summary>Whether a call is recorded, and the announcement played before recording starts (empty: none).</summary>
public sealed record RecordingDecision(bool Record, string ConsentPhrase)
{
    public static readonly RecordingDecision Off = new(false, "");
}
