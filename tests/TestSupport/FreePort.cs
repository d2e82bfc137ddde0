using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.TestSupport;

/// <summary>Loopback ports that were free a moment ago (for servers and peers that need a port number up front).</summary>
public static class FreePort
{
    /// <summary>A free TCP port.</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A free UDP port (for a SIP or RTP peer).</summary>
    public static int NextUdp()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
