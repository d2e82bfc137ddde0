namespace VoiceFunctions.Shared.Campaigns;

/// <summary>Where a campaign stands.</summary>
public enum CampaignStatus
{
    /// <summary>Calls are being started.</summary>
    Running,

    /// <summary>No new call starts until resumed; calls already running go on.</summary>
    Paused,

    /// <summary>Cancelled: no new call starts; the campaign ends when the running calls have.</summary>
    Cancelling,

    /// <summary>Cancelled, and no call of it is running any more.</summary>
    Cancelled,

    /// <summary>Every number has its final result.</summary>
    Completed,
}
