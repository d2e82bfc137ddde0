using System.Net;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Net;

/// <summary>The in-memory twin keeps the real socket's receive promises, so tests on it mean what they say.</summary>
public sealed class InMemoryDatagramNetworkTests
{
    [Fact]
    public async Task A_receiving_twin_socket_hands_each_datagram_with_its_sender()
    {
        var network = new InMemoryDatagramNetwork();
        using var receiver = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var received = new List<(byte First, IPEndPoint From)>();
        var three = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        receiver.StartReceiving((datagram, from) =>
        {
            lock (received)
            {
                received.Add((datagram[0], (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(from)));
                if (received.Count == 3)
                {
                    three.SetResult();
                }
            }
        });

        for (byte i = 1; i <= 3; i++)
        {
            sender.SendTo([i], receiver.LocalEndpoint.Serialize());
        }

        await three.Task.DefaultTimeout();
        Assert.Equal([(1, sender.LocalEndpoint), (2, sender.LocalEndpoint), (3, sender.LocalEndpoint)], received);
    }

    [Fact]
    public async Task A_disposed_twin_socket_hands_nothing_more()
    {
        var network = new InMemoryDatagramNetwork();
        var receiver = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = network.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var calls = 0;
        receiver.StartReceiving((_, _) => Interlocked.Increment(ref calls));
        receiver.Dispose();

        sender.SendTo([1], receiver.LocalEndpoint.Serialize());
        await Task.Delay(50);

        Assert.Equal(0, Volatile.Read(ref calls));
    }
}
