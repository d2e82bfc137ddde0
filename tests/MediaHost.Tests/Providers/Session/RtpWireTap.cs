using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// A plain UDP relay on 127.0.0.1 in front of one call's RTP port that notes when each PCMU packet crossed it and
/// how loud it was: the wire as a capture would show it, without a capture tool. Datagrams sent to
/// <see cref="FrontEndpoint"/> go on to the target from a second socket; the target's replies go back to whoever
/// last sent to the front. Nothing is delayed or dropped. Dedicated threads, so the time stamps do not wait on the
/// thread pool.
/// </summary>
internal sealed class RtpWireTap : IDisposable
{
    private readonly Socket _front = Bind();
    private readonly Socket _back = Bind();
    private readonly IPEndPoint _target;
    private readonly List<Thread> _threads = [];
    private readonly List<WirePacket> _packets = [];
    private volatile bool _stopped;
    private EndPoint? _client;

    public RtpWireTap(IPEndPoint target)
    {
        _target = target;
        Start(() => Relay(_front, toTarget: true));
        Start(() => Relay(_back, toTarget: false));
    }

    public IPEndPoint FrontEndpoint => (IPEndPoint)_front.LocalEndPoint!;

    /// <summary>Every PCMU packet relayed so far, in the order it crossed.</summary>
    public IReadOnlyList<WirePacket> Packets
    {
        get
        {
            lock (_packets)
            {
                return [.. _packets];
            }
        }
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveTimeout = 200 };
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private void Start(ThreadStart work)
    {
        var thread = new Thread(work) { IsBackground = true, Name = "rtp-wire-tap", Priority = ThreadPriority.Highest };
        _threads.Add(thread);
        thread.Start();
    }

    private void Relay(Socket socket, bool toTarget)
    {
        var buffer = new byte[2048];
        var pcm = new short[1024];
        while (!_stopped)
        {
            EndPoint from = new IPEndPoint(IPAddress.Any, 0);
            int length;
            try
            {
                length = socket.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException)
            {
                continue; // the receive timeout (to notice the stop), or an ICMP port unreachable
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            var at = Stopwatch.GetTimestamp();
            if (toTarget)
            {
                _client = from;
            }
            var destination = toTarget ? _target : _client;
            if (destination is null)
            {
                continue;
            }
            try
            {
                (toTarget ? _back : _front).SendTo(buffer.AsSpan(0, length), SocketFlags.None, destination);
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
            }
            Note(buffer.AsSpan(0, length), at, toTarget, pcm);
        }
    }

    /// <summary>Notes a PCMU packet (payload type 0, no CSRCs or extension, as both ends send): its time and level.</summary>
    private void Note(ReadOnlySpan<byte> packet, long at, bool toTarget, short[] pcm)
    {
        if (packet.Length <= 12 || (packet[1] & 0x7F) != 0 || (packet[0] & 0x1F) != 0)
        {
            return;
        }
        var samples = MuLaw.Decode(packet[12..], pcm);
        double sum = 0;
        for (var i = 0; i < samples; i++)
        {
            sum += (double)pcm[i] * pcm[i];
        }
        var dbfs = 10 * Math.Log10(Math.Max(sum / samples, 1e-9) / (32768.0 * 32768.0));
        lock (_packets)
        {
            _packets.Add(new WirePacket(at, toTarget, dbfs));
        }
    }

    public void Dispose()
    {
        _stopped = true;
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }
        _front.Dispose();
        _back.Dispose();
    }
}

/// <summary>One PCMU packet on the wire: when it crossed (Stopwatch ticks), which way, and its level in dBFS.</summary>
/// <param name="ToHost">True from the caller to the MediaHost, false from the MediaHost to the caller.</param>
internal readonly record struct WirePacket(long At, bool ToHost, double Dbfs);
