using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// The MediaHost's SIP stack and real RTP media path on 127.0.0.1 (SIP on an ephemeral UDP port, RTP in a small
/// random port range so a capture filter can name it), with the real media clock on the system time. A test may
/// wrap the media factory (to put an impaired network in front of each call's RTP port).
/// </summary>
public sealed class LoopbackMediaHost : IAsyncDisposable
{
    public LoopbackMediaHost(ICallHandler handler, RtpOptions? options = null, Func<RtpMediaSessionFactory, IMediaSessionFactory>? wrapMedia = null,
        IReadOnlyList<MediaCodec>? codecs = null, SipTlsOptions? tls = null, MediaEncryption encryption = MediaEncryption.Off)
    {
        MediaPathWarmUp.EnsureDone();
        var basePort = 40000 + 2 * Random.Shared.Next(0, 4000);
        Options = options ?? new RtpOptions { PortMin = basePort, PortMax = basePort + 9 };
        Clock = new MediaClock(TimeProvider.System);
        Clock.Start();
        Media = new RtpMediaSessionFactory(UdpDatagramSocket.Factory, IPAddress.Loopback, Options, Clock, TimeProvider.System, Metrics, codecs);
        Transport = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), SipLimits.Default, NullLogger.Instance);
        List<ISipTransport> transports = [Transport];
        if (tls is not null)
        {
            TlsTransport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), SipLimits.Default, NullLogger.Instance, tls: tls);
            transports.Add(TlsTransport);
        }
        Agent = new SipUserAgent(new SipUserAgentOptions { MediaEncryption = encryption }, transports, wrapMedia?.Invoke(Media) ?? Media, new SipCallAnswering(handler, NullLogger.Instance), AllowAllPolicy.Instance,
            TimeProvider.System, NullLogger.Instance, SipMetrics);
        Agent.Start();
    }

    public RtpOptions Options { get; }

    public MediaClock Clock { get; }

    public MediaMetrics Metrics { get; } = new();

    public SipMetrics SipMetrics { get; } = new();

    public RtpMediaSessionFactory Media { get; }

    public UdpSipTransport Transport { get; }

    public SipUserAgent Agent { get; }

    /// <summary>SIP over TLS when the host was given TLS options, else null.</summary>
    public TcpSipTransport? TlsTransport { get; }

    public IPEndPoint SipEndpoint => Transport.LocalEndpoint;

    public async ValueTask DisposeAsync()
    {
        Agent.Dispose();
        SipMetrics.Dispose();
        await Clock.DisposeAsync();
    }
}
