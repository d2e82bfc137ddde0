namespace VoiceFunctions.MediaHost.Rtp;

/// <summary>Counters of one jitter buffer (per call), for RTCP, /metrics and tests.</summary>
public sealed class JitterBufferStatistics
{
    /// <summary>Packets accepted into the buffer.</summary>
    public long Received { get; internal set; }

    /// <summary>Packets dropped because the same sequence number was already buffered or played.</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Packets that arrived after their playout time had passed.</summary>
    public long Late { get; internal set; }

    /// <summary>Sequence numbers skipped at playout because the packet never came (loss, or too late).</summary>
    public long Lost { get; internal set; }

    /// <summary>Frames played as concealment: lost packets plus frames inserted to stretch the delay.</summary>
    public long Concealed { get; internal set; }

    /// <summary>Frames played as comfort noise: RFC 3389 CN packets and the sender's silence after them (not loss).</summary>
    public long ComfortNoise { get; internal set; }

    /// <summary>Frames played from a real packet.</summary>
    public long Played { get; internal set; }

    /// <summary>Frames concealed because nothing newer had arrived (the stream paused or a packet was late at low delay).</summary>
    public long Underruns { get; internal set; }

    /// <summary>Concealed frames inserted to grow the delay (jitter rose, or packets came later than the delay allowed).</summary>
    public long Stretched { get; internal set; }

    /// <summary>Packets discarded to bring the delay back down after a jitter spike has passed.</summary>
    public long DroppedToReduceDelay { get; internal set; }

    /// <summary>The RFC 3550 interarrival jitter, in milliseconds.</summary>
    public double JitterMs { get; internal set; }

    /// <summary>The playout delay the buffer is aiming for now, in milliseconds.</summary>
    public int TargetDelayMs { get; internal set; }
}
