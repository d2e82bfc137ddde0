using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Timers;

/// <summary>Configuration section "Retention": how long finished orchestrations' Durable history is kept.</summary>
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
}
