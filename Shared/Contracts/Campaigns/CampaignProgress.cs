namespace VoiceFunctions.Shared.Campaigns;

/// <summary>How many numbers are in each state, and how the done ones ended.</summary>
public sealed record CampaignProgress
{
    public int Total { get; init; }
    public int Pending { get; init; }
    public int InProgress { get; init; }
    public int WaitingToRetry { get; init; }
    public int Done { get; init; }
    public int Cancelled { get; init; }
    /// <summary>The done numbers by the outcome of their last attempt (Answered, Busy, NoAnswer, Machine, Rejected, Failed).</summary>
    public Dictionary<string, int> Outcomes { get; init; } = [];
    /// <summary>Calls started so far, retries included.</summary>
    public int Attempts { get; init; }

    /// <summary>True when every number has its final result.</summary>
    public bool Finished => Done + Cancelled == Total;
}
