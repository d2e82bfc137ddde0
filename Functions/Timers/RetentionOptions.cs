using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Timers;

/// <summary>Configuration section "Retention": how long finished orchestrations' Durable history and the call rows are kept.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Days a finished call's orchestration (its instance row and history in the task hub) is kept after it was
    /// created. Default 30. Without a purge the task hub grows with every call forever; the call record (the
    /// call table) is what the API and voicectl read, so nothing the operators see depends on the history.
    /// </summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 30;

    /// <summary>
    /// Days a call's rows (record, turns, timeline, long texts and its day-index entry) are kept, counted in whole UTC days
    /// from the day the call started. Default 30. Kept apart from <see cref="Days"/>: what operators must keep of calls
    /// (transcripts) is a policy of its own, the history only serves the runtime.
    /// </summary>
    [Range(1, 3650)]
    public int CallDays { get; set; } = 30;

    /// <summary>Day-index entries handled per batch (one table query page, one delete transaction). Default 100, the table's transaction limit.</summary>
    [Range(1, 100)]
    public int CallBatchSize { get; set; } = 100;
}
