using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Shared.Calls;

/// <summary>Where and how the call history is stored (configuration section "CallStore").</summary>
public sealed class CallStoreOptions
{
    public const string SectionName = "CallStore";
    public const int DefaultDayBuckets = 16;
    public const int DefaultMaxInlineTextChars = 8_000;
    public const int DefaultMaxConflictRetries = 8;

    /// <summary>Storage connection string (Tables and Blobs). Default: the local emulator.</summary>
    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>Table holding call records, turns and the day index. Default "Calls".</summary>
    [Required, RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string TableName { get; set; } = "Calls";

    /// <summary>Blob container for texts too long for a table property. Default "call-transcripts".</summary>
    [Required, RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}$")]
    public string BlobContainerName { get; set; } = "call-transcripts";

    /// <summary>
    /// Partitions per day of the day index. Default 16. One partition takes about 2,000 writes per
    /// second, so the day's calls are spread over buckets instead of one hot partition. Changing it
    /// later hides older days' calls from the list (their records stay readable by id).
    /// </summary>
    [Range(1, 256)]
    public int DayBuckets { get; set; } = DefaultDayBuckets;

    /// <summary>
    /// Texts longer than this (characters) go to a blob and the entity keeps its name. Default 8,000:
    /// far under the 64 KiB property limit (32 K UTF-16 characters), so a turn never fails to store.
    /// </summary>
    [Range(100, 30_000)]
    public int MaxInlineTextChars { get; set; } = DefaultMaxInlineTextChars;

    /// <summary>How many times an update re-reads and re-applies itself after an ETag conflict. Default 8.</summary>
    [Range(1, 100)]
    public int MaxConflictRetries { get; set; } = DefaultMaxConflictRetries;
}
