using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Tests;

/// <summary>One held call's media: a bound UDP socket (port reserved, nothing read), silence in, audio discarded.</summary>
internal sealed class HoldingMediaSession : IMediaSession
{
    private readonly Socket _socket;
    private readonly TimeProvider _timeProvider;
    private readonly Action _released;
    private readonly CancellationTokenSource _stopped = new();
    private int _stopCount;

    public HoldingMediaSession(IPAddress bindAddress, IReadOnlyList<MediaCodec> codecs, TimeProvider timeProvider, Action released)
    {
        _socket = new Socket(bindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(bindAddress, 0));
        LocalEndpoint = (IPEndPoint)_socket.LocalEndPoint!;
        Codecs = codecs;
        _timeProvider = timeProvider;
        _released = released;
    }

    public IPEndPoint LocalEndpoint { get; }

    public IReadOnlyList<MediaCodec> Codecs { get; }

    /// <summary>The last media negotiated (for tests and diagnostics).</summary>
    public NegotiatedMedia? Current { get; private set; }

    public event Action<DtmfDigit>? DtmfReceived { add { } remove { } }

    public event Action<CallEnded>? Failed { add { } remove { } }

    public void Start(NegotiatedMedia media) => Current = media;

    public void Update(NegotiatedMedia media) => Current = media;

    public async ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken)
    {
        if (_stopped.IsCancellationRequested)
        {
            return false;
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopped.Token);
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(AudioFormat.FrameMilliseconds), _timeProvider, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_stopped.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        destination.Span[..Math.Min(destination.Length, AudioFormat.SamplesPerFrame)].Clear();
        return true;
    }

    public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;

    public int ClearPlayback() => 0;

    /// <summary>No RTP flows while held: DTMF goes by SIP INFO.</summary>
    public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);

    public Task StopAsync()
    {
        if (Interlocked.Increment(ref _stopCount) == 1)
        {
            _stopped.Cancel();
            _socket.Dispose();
            _released();
        }
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);
}
