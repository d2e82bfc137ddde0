using System.Net;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// A socket that never receives and drops what is sent (counting it): runs the media path with no network, for the
/// start-up warm-up, measurements of the path alone and tests.
/// </summary>
public sealed class DiscardingDatagramSocket(IPEndPoint local) : IDatagramSocket
{
    public IPEndPoint LocalEndpoint { get; } = local;

    /// <summary>Datagrams sent (and dropped).</summary>
    public long Sent { get; private set; }

    public void StartReceiving(DatagramReceived handler)
    {
    }

    public void SendTo(ReadOnlySpan<byte> datagram, SocketAddress destination) => Sent++;

    public void Dispose()
    {
    }
}
