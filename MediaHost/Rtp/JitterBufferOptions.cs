using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>Bounds of the adaptive jitter buffer's playout delay.</summary>
public sealed class JitterBufferOptions
{
    public const int DefaultMinDelayMs = 20;
    public const int DefaultMaxDelayMs = 200;

    /// <summary>
    /// Lowest playout delay in ms (default 20). The buffer never plays a packet sooner than this after it could
    /// have: one packet time absorbs ordinary scheduling noise without adding noticeable latency.
    /// </summary>
    [Range(0, 1000)]
    public int MinDelayMs { get; set; } = DefaultMinDelayMs;

    /// <summary>
    /// Highest playout delay in ms (default 200). Beyond this a conversation suffers more from delay than from
    /// the occasional concealed packet, so late packets are dropped instead of waited for.
    /// </summary>
    [Range(20, 2000)]
    public int MaxDelayMs { get; set; } = DefaultMaxDelayMs;
}
