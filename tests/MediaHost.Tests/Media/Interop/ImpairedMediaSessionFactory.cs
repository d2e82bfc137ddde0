using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// Puts a <see cref="UdpImpairmentProxy"/> in front of each call's real RTP port: the SDP advertises the proxy's
/// front port, so the peer's RTP crosses the bad network; the session learns the proxy's back address from the
/// first packet (symmetric RTP), so our RTP crosses it too on the way back. RTCP is not relayed.
/// </summary>
/// <param name="observe">Passed to each proxy: sees every datagram it relays (true: towards our session).</param>
internal sealed class ImpairedMediaSessionFactory(IMediaSessionFactory inner, ImpairmentSettings toUs, ImpairmentSettings toPeer, Action<bool, byte[]>? observe = null)
    : IMediaSessionFactory
{
    private readonly List<UdpImpairmentProxy> _proxies = [];
    private readonly List<IMediaSession> _sessions = [];

    /// <summary>The real sessions behind the proxies (for their jitter buffer statistics).</summary>
    public IReadOnlyList<IMediaSession> Sessions
    {
        get
        {
            lock (_proxies)
            {
                return [.. _sessions];
            }
        }
    }

    public IReadOnlyList<UdpImpairmentProxy> Proxies
    {
        get
        {
            lock (_proxies)
            {
                return [.. _proxies];
            }
        }
    }

    public IMediaSession? TryAllocate(string callId)
    {
        if (inner.TryAllocate(callId) is not { } session)
        {
            return null;
        }
        var proxy = new UdpImpairmentProxy(session.LocalEndpoint, toUs, toPeer, observe);
        lock (_proxies)
        {
            _proxies.Add(proxy);
            _sessions.Add(session);
        }
        return new Proxied(session, proxy);
    }

    private sealed class Proxied(IMediaSession inner, UdpImpairmentProxy proxy) : IMediaSession
    {
        public IPEndPoint LocalEndpoint => proxy.FrontEndpoint;

        public IReadOnlyList<MediaCodec> Codecs => inner.Codecs;

        public event Action<DtmfDigit>? DtmfReceived
        {
            add => inner.DtmfReceived += value;
            remove => inner.DtmfReceived -= value;
        }

        public event Action<CallEnded>? Failed
        {
            add => inner.Failed += value;
            remove => inner.Failed -= value;
        }

        public void Start(NegotiatedMedia media) => inner.Start(media);

        public void Update(NegotiatedMedia media) => inner.Update(media);

        public async Task StopAsync()
        {
            await inner.StopAsync();
            proxy.Dispose();
        }

        public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => inner.ReadFrameAsync(destination, cancellationToken);

        public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => inner.WriteFrameAsync(frame, cancellationToken);

        public int ClearPlayback() => inner.ClearPlayback();

        public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => inner.SendDtmfAsync(digit, duration, cancellationToken);

        public async ValueTask DisposeAsync() => await StopAsync();
    }
}
