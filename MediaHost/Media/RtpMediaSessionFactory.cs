using System.Net;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// The real media path behind the SIP stack's seam: each call gets an RTP/RTCP port pair from the configured
/// range and an <see cref="RtpMediaSession"/> driven by the shared media clock. When the range is exhausted
/// it returns null and the SIP stack answers 503.
/// </summary>
public sealed class RtpMediaSessionFactory : IMediaSessionFactory
{
    /// <summary>The codecs we offer, by priority: G.711 first (every trunk has it), then wideband, then DTMF events.</summary>
    public static readonly IReadOnlyList<MediaCodec> DefaultCodecs =
        [MediaCodec.Pcmu, MediaCodec.Pcma, MediaCodec.G722, MediaCodec.Opus, MediaCodec.TelephoneEvent];

    /// <summary>
    /// What a session negotiates by default: <see cref="DefaultCodecs"/> plus RFC 3389 comfort noise (taken only when the
    /// peer offers it at the audio codec's clock rate; it is not an audio codec, so it is kept out of DefaultCodecs).
    /// </summary>
    public static readonly IReadOnlyList<MediaCodec> DefaultNegotiated = [.. DefaultCodecs, MediaCodec.ComfortNoise];

    private readonly RtpPortAllocator _ports;
    private readonly RtpOptions _options;
    private readonly MediaClock _clock;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<MediaCodec> _codecs;

    public RtpMediaSessionFactory(IDatagramSocketFactory sockets, IPAddress bindAddress, RtpOptions options, MediaClock clock,
        TimeProvider time, MediaMetrics metrics, IReadOnlyList<MediaCodec>? codecs = null)
    {
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));
        }
        _ports = new RtpPortAllocator(sockets, bindAddress, options.PortMin, options.PortMax);
        _options = options;
        _clock = clock;
        _time = time;
        Metrics = metrics;
        _codecs = codecs ?? DefaultNegotiated;
    }

    public MediaMetrics Metrics { get; }

    public int PortsInUse => _ports.InUse;

    public IMediaSession? TryAllocate(string callId)
    {
        if (_ports.TryAllocate() is not var (rtp, rtcp))
        {
            return null;
        }
        var port = rtp.LocalEndpoint.Port;
        var session = new RtpMediaSession(callId, rtp, rtcp, _codecs, _options, _clock, _time, Metrics, _ => _ports.Release(port));
        Metrics.Track(session);
        return session;
    }
}
