namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>LiveKit's trunks and rules as they were before an apply, so that apply can be undone.</summary>
public sealed class SipBackup
{
    public string Id { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The server the state was read from.</summary>
    public string LiveKitUrl { get; set; } = "";

    public SipState State { get; set; } = new();
}
