using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>The real UDP socket's blocking receive, which each call's RTP thread sits in.</summary>
public sealed class UdpDatagramSocketTests
{
    [Fact]
    public async Task Blocking_receive_gets_a_datagram_and_its_sender()
    {
        using var socket = UdpDatagramSocket.Factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var buffer = new byte[1500];
        var sender = new SocketAddress(AddressFamily.InterNetwork);
        var receive = Task.Factory.StartNew(() => socket.ReceiveFrom(buffer, sender, CancellationToken.None), TaskCreationOptions.LongRunning);
        peer.SendTo("hello"u8.ToArray(), socket.LocalEndpoint);

        Assert.Equal(5, await receive.DefaultTimeout());
        Assert.Equal(peer.LocalEndPoint, new IPEndPoint(IPAddress.Any, 0).Create(sender));
    }

    [Fact]
    public async Task Dispose_ends_a_blocking_receive_so_the_call_thread_exits()
    {
        var socket = UdpDatagramSocket.Factory.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var receive = Task.Factory.StartNew(() =>
        {
            started.SetResult();
            return socket.ReceiveFrom(new byte[1500], new SocketAddress(AddressFamily.InterNetwork), CancellationToken.None);
        }, TaskCreationOptions.LongRunning);
        await started.Task.DefaultTimeout();
        await Task.Delay(100); // let it block in the kernel
        socket.Dispose();

        var ended = await Assert.ThrowsAnyAsync<Exception>(() => receive.DefaultTimeout());
        Assert.True(ended is SocketException or ObjectDisposedException, ended.ToString());
    }
}
