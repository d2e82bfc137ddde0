using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.TestSupport;

/// <summary>
/// A bad network on loopback, made of real UDP sockets on 127.0.0.1: datagrams sent to <see cref="FrontEndpoint"/>
/// are relayed to the target from a second socket, and the target's replies to that socket go back to whoever
/// last sent to the front. Each direction drops packets with a seeded probability and delays the rest by a seeded
/// uniform random 0..<see cref="ImpairmentSettings.MaxJitter"/>, so packets overtake each other (reordering).
/// Losses are drawn per packet in order, so a given seed drops the same packets of a stream on every run;
/// the delays are real time. Statistics count what was relayed and dropped.
/// (Kernel-level impairment — tc netem on a veth pair — needs the sch_netem module, which this kernel lacks.)
/// </summary>
public sealed class UdpImpairmentProxy : IDisposable
{
    private readonly Socket _front;
    private readonly Socket _back;
    private readonly IPEndPoint _target;
    private readonly Direction _forward;
    private readonly Direction _backward;
    private readonly CancellationTokenSource _stop = new();
    private EndPoint? _client;

    public UdpImpairmentProxy(IPEndPoint target, ImpairmentSettings toTarget, ImpairmentSettings fromTarget)
    {
        _target = target;
        _front = Bind();
        _back = Bind();
        _forward = new Direction(toTarget);
        _backward = new Direction(fromTarget);
        _ = RelayAsync(_front, _forward, fromFront: true);
        _ = RelayAsync(_back, _backward, fromFront: false);
    }

    /// <summary>Where the far peer should send (put this in the SDP it reads).</summary>
    public IPEndPoint FrontEndpoint => (IPEndPoint)_front.LocalEndPoint!;

    /// <summary>The address the target sees our relayed packets come from.</summary>
    public IPEndPoint BackEndpoint => (IPEndPoint)_back.LocalEndPoint!;

    /// <summary>Datagrams relayed and dropped towards the target.</summary>
    public (long Relayed, long Dropped) ToTarget => (Interlocked.Read(ref _forward.Relayed), Interlocked.Read(ref _forward.Dropped));

    /// <summary>Datagrams relayed and dropped from the target back to the client.</summary>
    public (long Relayed, long Dropped) FromTarget => (Interlocked.Read(ref _backward.Relayed), Interlocked.Read(ref _backward.Dropped));

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private async Task RelayAsync(Socket socket, Direction direction, bool fromFront)
    {
        var buffer = new byte[2048];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue; // ICMP port unreachable from an earlier send
            }
            EndPoint? destination;
            if (fromFront)
            {
                _client = received.RemoteEndPoint;
                destination = _target;
            }
            else
            {
                destination = _client;
            }
            if (destination is null)
            {
                continue;
            }
            var delay = direction.Decide();
            if (delay is null)
            {
                continue;
            }
            var packet = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            var outgoing = fromFront ? _back : _front;
            _ = DeliverAsync(outgoing, packet, destination, delay.Value, direction);
        }
    }

    private async Task DeliverAsync(Socket socket, byte[] packet, EndPoint destination, TimeSpan delay, Direction direction)
    {
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _stop.Token);
            }
            await socket.SendToAsync(packet, SocketFlags.None, destination, _stop.Token);
            Interlocked.Increment(ref direction.Relayed);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _front.Dispose();
        _back.Dispose();
    }

    private sealed class Direction(ImpairmentSettings settings)
    {
        private readonly Random _random = new(settings.Seed);
        public long Relayed;
        public long Dropped;

        /// <summary>Null to drop this packet, else how long to hold it.</summary>
        public TimeSpan? Decide()
        {
            lock (_random)
            {
                if (_random.NextDouble() < settings.LossRate)
                {
                    Interlocked.Increment(ref Dropped);
                    return null;
                }
                return TimeSpan.FromMilliseconds(_random.NextDouble() * settings.MaxJitter.TotalMilliseconds);
            }
        }
    }
}
