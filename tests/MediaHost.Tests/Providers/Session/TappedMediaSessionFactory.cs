using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// Puts an <see cref="RtpWireTap"/> in front of each call's real RTP port: the SDP advertises the tap's front port,
/// and the session learns the tap's back address from the first packet (symmetric RTP), so both directions cross it.
/// </summary>
internal sealed class TappedMediaSessionFactory(IMediaSessionFactory inner) : IMediaSessionFactory
{
    private readonly List<RtpWireTap> _taps = [];

    /// <summary>The taps of the calls so far, oldest first.</summary>
    public IReadOnlyList<RtpWireTap> Taps
    {
        get
        {
            lock (_taps)
            {
                return [.. _taps];
            }
        }
    }

    public IMediaSession? TryAllocate(string callId)
    {
        if (inner.TryAllocate(callId) is not { } session)
        {
            return null;
        }
        var tap = new RtpWireTap(session.LocalEndpoint);
        lock (_taps)
        {
            _taps.Add(tap);
        }
        return new Tapped(session, tap);
    }

    private sealed class Tapped(IMediaSession inner, RtpWireTap tap) : IMediaSession
    {
        public IPEndPoint LocalEndpoint => tap.FrontEndpoint;

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
            tap.Dispose();
        }

        public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => inner.ReadFrameAsync(destination, cancellationToken);

        public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => inner.WriteFrameAsync(frame, cancellationToken);

        public int ClearPlayback() => inner.ClearPlayback();

        public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => inner.SendDtmfAsync(digit, duration, cancellationToken);

        public async ValueTask DisposeAsync() => await StopAsync();
    }
}
