using VoiceFunctions.Shared.Campaigns;

namespace VoiceFunctions.Functions.Campaigns;

/// <summary>
/// A campaign orchestration's state, carried from one generation to the next by ContinueAsNew. It holds only what is
/// in motion (a small buffer of loaded numbers, the numbers waiting for a retry or their calling hours, the numbers
/// whose attempt runs) and counters; the full list stays in the table.
/// </summary>
public sealed class CampaignRunState
{
    /// <summary>At most this many numbers wait in the state at once; beyond that no new number is loaded until one is due.</summary>
    public const int MaxWaiting = 500;

    public required string CampaignId { get; init; }
    public required CampaignSettings Settings { get; init; }
    public required int Total { get; init; }
    public CampaignStatus Status { get; set; } = CampaignStatus.Running;
    /// <summary>The index of the first number not loaded yet.</summary>
    public int NextIndex { get; set; }
    /// <summary>Loaded numbers not called yet, in order.</summary>
    public List<CampaignWork> Fresh { get; set; } = [];
    /// <summary>Numbers due later: a retry's delay, or the callee's calling hours.</summary>
    public List<CampaignWork> Waiting { get; set; } = [];
    /// <summary>The index of each number whose attempt runs.</summary>
    public List<int> InFlight { get; set; } = [];
    /// <summary>The pacing's theoretical next start (UTC); see <see cref="CallPacing"/>.</summary>
    public DateTime PacingNext { get; set; }
    public int Done { get; set; }
    public int Cancelled { get; set; }
    public int Attempts { get; set; }
    public Dictionary<string, int> Outcomes { get; set; } = [];
    /// <summary>How many times the orchestration continued as new (diagnostics).</summary>
    public int Generation { get; set; }

    public bool AllLoaded => NextIndex >= Total && Fresh.Count == 0;

    public bool Finished => AllLoaded && Waiting.Count == 0 && InFlight.Count == 0;

    public CampaignProgress Progress() => new()
    {
        Total = Total,
        Pending = Total - NextIndex + Fresh.Count + Waiting.Count(w => w.Attempt == 1),
        WaitingToRetry = Waiting.Count(w => w.Attempt > 1),
        InProgress = InFlight.Count,
        Done = Done,
        Cancelled = Cancelled,
        Outcomes = new Dictionary<string, int>(Outcomes),
        Attempts = Attempts,
    };
}
