using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Providers;

/// <summary>
/// The in-memory cache of synthesised sentences (AiLoop:Providers:TtsCache). Agents repeat themselves (scripted
/// replies, confirmations, "one moment"), and a cached sentence starts playing at once and costs no provider call.
/// </summary>
public sealed class TtsCacheOptions
{
    public const int DefaultMaxEntries = 512;
    public const int DefaultMaxTotalSeconds = 600;
    public const int DefaultMaxSentenceSeconds = 20;

    /// <summary>Sentences kept (least recently used ones go first). Default 512; 0 turns the cache off.</summary>
    [Range(0, 100_000)]
    public int MaxEntries { get; set; } = DefaultMaxEntries;

    /// <summary>
    /// Audio kept, in seconds, over all sentences. Default 600 s, about 19 MB of 16 kHz 16-bit audio: the bound on
    /// the cache's memory.
    /// </summary>
    [Range(1, 36_000)]
    public int MaxTotalSeconds { get; set; } = DefaultMaxTotalSeconds;

    /// <summary>Longer sentences are not kept (they are rarely repeated word for word). Default 20 s.</summary>
    [Range(1, 600)]
    public int MaxSentenceSeconds { get; set; } = DefaultMaxSentenceSeconds;
}
