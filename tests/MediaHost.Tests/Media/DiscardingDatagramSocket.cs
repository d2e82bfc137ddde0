using System.Net;
using VoiceFunctions.MediaHost.Media.Net;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>A socket that never receives and drops what is sent (counting it): isolates the media path in measurements.</summary>
internal sealed class DiscardingDatagramSocket(IPEndPoint local) : IDatagramSocket
{
    public IPEndPoint LocalEndpoint { get; } = local;

    public long Sent { get; private set; }

    public void StartReceiving(DatagramReceived handler)
    {
    }

    public async ValueTask<int> ReceiveFromAsync(Memory<byte> buffer, SocketAddress sender, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        return 0;
    }

    public void SendTo(ReadOnlySpan<byte> datagram, SocketAddress destination) => Sent++;

    public void Dispose()
    {
    }
}
