using System.ComponentModel.DataAnnotations;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>Settings of the RTP media path (section "Rtp" of the MediaHost configuration).</summary>
public sealed class RtpOptions
{
    public const int DefaultPortMin = 20000;
    public const int DefaultPortMax = 29999;
    public const int DefaultMediaTimeoutSeconds = 15;
    public const int DefaultFirstPacketTimeoutSeconds = 30;
    public const int DefaultRtcpIntervalSeconds = 5;
    public const int DefaultReceiveLoops = 0;
    public const int DefaultClockPhases = 4;

    /// <summary>Lowest local RTP port (default 20000, even: the range the container publishes). Firewalls open exactly this range for UDP.</summary>
    [Range(1024, 65534)]
    public int PortMin { get; set; } = DefaultPortMin;

    /// <summary>Highest local RTP port (default 29999). Each call takes an even RTP port and the odd RTCP port above it.</summary>
    [Range(1025, 65535)]
    public int PortMax { get; set; } = DefaultPortMax;

    /// <summary>
    /// Seconds without any RTP before the call ends with MediaTimeout (default 15): a peer that vanished without
    /// BYE would otherwise hold a call (and a paid line) open forever.
    /// </summary>
    [Range(1, 3600)]
    public int MediaTimeoutSeconds { get; set; } = DefaultMediaTimeoutSeconds;

    /// <summary>The same, before the first packet (default 30): NAT and early-media setups are slow to start.</summary>
    [Range(1, 3600)]
    public int FirstPacketTimeoutSeconds { get; set; } = DefaultFirstPacketTimeoutSeconds;

    /// <summary>Seconds between RTCP reports (default 5, RFC 3550's minimum interval).</summary>
    [Range(1, 60)]
    public int RtcpIntervalSeconds { get; set; } = DefaultRtcpIntervalSeconds;

    /// <summary>Opus bitrate in bit/s (default 32000: wideband speech with headroom for FEC).</summary>
    [Range(6000, 510000)]
    public int OpusBitrate { get; set; } = Codecs.OpusCodec.DefaultBitrate;

    /// <summary>
    /// Threads reading every call's RTP and RTCP sockets: 0 one epoll loop per core (default), N that many loops (Linux),
    /// -1 a thread per socket (the previous design). On a quiet machine the loops ran 500 calls at 0.003–0.009 % late
    /// frames against 0.07–0.21 % with a thread per socket, with less CPU and memory per call; on a machine loaded by
    /// other processes some loop runs fell hundreds of ms behind (bench/results/media.md), hence the way back.
    /// </summary>
    [Range(-1, 256)]
    public int ReceiveLoops { get; set; } = DefaultReceiveLoops;

    public JitterBufferOptions JitterBuffer { get; set; } = new();

    /// <summary>
    /// Groups the media clock ticks at evenly spaced offsets of the 20 ms period (default 4: a quarter of the calls
    /// every 5 ms). More groups spread each core's frame work more evenly; 1 ticks every call at once.
    /// </summary>
    [Range(1, 20)]
    public int ClockPhases { get; set; } = DefaultClockPhases;

    /// <summary>Every problem with these settings, empty when valid.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (PortMin > PortMax - 1)
        {
            problems.Add($"Rtp:PortMin ({PortMin}) must be below Rtp:PortMax ({PortMax}) with room for an RTP/RTCP pair.");
        }
        if (JitterBuffer.MinDelayMs > JitterBuffer.MaxDelayMs)
        {
            problems.Add($"Rtp:JitterBuffer:MinDelayMs ({JitterBuffer.MinDelayMs}) exceeds MaxDelayMs ({JitterBuffer.MaxDelayMs}).");
        }
        return problems;
    }
}
