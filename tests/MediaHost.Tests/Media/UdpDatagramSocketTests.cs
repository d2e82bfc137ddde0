using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>The real UDP socket on the process-wide receive loops, as the media path and the benchmarks use it.</summary>
public sealed class UdpDatagramSocketTests
{
    [Fact]
    public async Task A_receiving_socket_hands_a_datagram_and_its_sender_to_the_handler()
    {
        using var socket = UdpDatagramSocket.Factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var received = new TaskCompletionSource<(byte[] Data, EndPoint From)>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.StartReceiving((datagram, sender) => received.TrySetResult((datagram.ToArray(), new IPEndPoint(IPAddress.Any, 0).Create(sender))));

        peer.SendTo("hello"u8.ToArray(), socket.LocalEndpoint);

        var (data, from) = await received.Task.DefaultTimeout();
        Assert.Equal("hello"u8.ToArray(), data);
        Assert.Equal(peer.LocalEndPoint, from);
    }

    [Fact]
    public async Task A_disposed_socket_hands_nothing_more_and_frees_its_port()
    {
        var socket = UdpDatagramSocket.Factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var endpoint = socket.LocalEndpoint;
        var calls = 0;
        socket.StartReceiving((_, _) => Interlocked.Increment(ref calls));
        socket.Dispose();
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.SendTo(new byte[8], endpoint);
        await Task.Delay(100);

        Assert.Equal(0, Volatile.Read(ref calls));
        using var again = UdpDatagramSocket.Factory.Bind(endpoint); // the port is free again
        Assert.Throws<ObjectDisposedException>(() => socket.StartReceiving((_, _) => { }));
    }
}
