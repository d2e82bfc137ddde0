namespace VoiceFunctions.Shared.Campaigns;

/// <summary>Where one number of a campaign stands.</summary>
public enum CampaignNumberState
{
    /// <summary>Not called yet (also while it waits for its calling hours).</summary>
    Pending,

    /// <summary>A call is dialling or running.</summary>
    InProgress,

    /// <summary>An attempt failed and the retry rule says to try again later.</summary>
    WaitingToRetry,

    /// <summary>Final: the outcome says how the last attempt ended.</summary>
    Done,

    /// <summary>Final: the campaign was cancelled before the number was done.</summary>
    Cancelled,
}
