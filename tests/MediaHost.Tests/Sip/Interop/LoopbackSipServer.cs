using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>Our SIP stack on a real UDP socket on 127.0.0.1 (ephemeral port), optionally TCP too, with the holding media path.</summary>
public sealed class LoopbackSipServer : IDisposable
{
    public LoopbackSipServer(ICallHandler handler, SipTimerSettings? timers = null, IInboundPolicy? policy = null, int maxCalls = 100, bool tcp = false,
        SipTlsOptions? tls = null)
    {
        Transport = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), SipLimits.Default, NullLogger.Instance);
        List<ISipTransport> transports = [Transport];
        if (tcp)
        {
            TcpTransport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), SipLimits.Default, NullLogger.Instance);
            transports.Add(TcpTransport);
        }
        if (tls is not null)
        {
            TlsTransport = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), SipLimits.Default, NullLogger.Instance, tls: tls);
            transports.Add(TlsTransport);
        }
        Media = new HoldingMediaSessionFactory(IPAddress.Loopback, TimeProvider.System);
        Agent = new SipUserAgent(new SipUserAgentOptions { Timers = timers ?? SipTimerSettings.Default, MaxConcurrentCalls = maxCalls },
            transports, Media, new SipCallAnswering(handler, NullLogger.Instance), policy ?? AllowAllPolicy.Instance, TimeProvider.System, NullLogger.Instance, Metrics);
        Agent.Start();
    }

    public UdpSipTransport Transport { get; }

    /// <summary>The TCP transport when asked for, else null.</summary>
    public TcpSipTransport? TcpTransport { get; }

    /// <summary>The TLS transport when given TLS options, else null.</summary>
    public TcpSipTransport? TlsTransport { get; }

    public HoldingMediaSessionFactory Media { get; }

    public SipUserAgent Agent { get; }

    public SipMetrics Metrics { get; } = new();

    public IPEndPoint Endpoint => Transport.LocalEndpoint;

    public void Dispose()
    {
        Agent.Dispose();
        Metrics.Dispose();
    }
}
