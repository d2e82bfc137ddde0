using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// The caller's side of a phone line over real RTP on loopback (PCMU, 20 ms): every 20 ms of its own clock it sends
/// the MediaHost's audio back as line echo — what arrived <c>delay</c> earlier, attenuated by the echo return loss and
/// softly clipped — plus the caller's speech when a test has scheduled it, and background noise when given. It records when the MediaHost's audio
/// arrived and how loud it was, so "agent silent on the wire" is measured where the caller would hear it. Like a phone,
/// it runs on its own threads (raised like the MediaHost's media threads, when the system allows) rather than on the
/// thread pool the MediaHost's agent shares: on a loaded machine a starved pool dropped 200 ms runs of the echo, which
/// no phone line does. Packets that still arrive after their playout slot are counted (<see cref="LateEchoPackets"/>).
/// </summary>
public sealed class LineEchoRtpPeer : IAsyncDisposable
{
    private const int Samples = 160; // 20 ms at 8 kHz
    private const int SlotMs = 20;
    private const int ComfortNoisePayloadType = 13;

    private readonly Socket _socket;
    private readonly IAudioCodec _codec;
    private readonly int _delaySlots;
    private readonly float _echoGain;
    private readonly short[][] _slots;
    private readonly object _lock = new();
    private readonly List<(double AtMs, double Dbfs)> _arrivals = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private short[] _caller = [];
    private int _callerSlot = int.MaxValue;
    /// <summary>A phone's fixed playout delay (40 ms): a packet plays in the slot its RTP timestamp gives, this long
    /// after the first packet's arrival.</summary>
    private const int JitterSlots = 2;
    private long? _timestampBase;
    private EndPoint? _host;
    private Thread? _send;
    private Thread? _receive;
    private int _lateEchoPackets;
    private readonly short[]? _noise;
    private readonly bool _clockedByHost;
    private long _lastHostSlot = -1;
    private double _callerStartedAtMs = double.NaN;

    /// <param name="echoDelayMs">The echo path's delay as the peer adds it (a multiple of 20 ms); the network and the
    /// MediaHost's jitter buffer add their own on top.</param>
    /// <param name="echoReturnLossDb">How far below the agent's audio its echo comes back.</param>
    /// <param name="noise">Background noise added on the caller's side for the whole call (looped), or null for
    /// the quiet line's −70 dBFS hiss alone.</param>
    /// <param name="clockedByHost">false (the bench): the peer sends on its own 20 ms clock, as a phone does, and a
    /// starved peer thread impairs the line. true (the tests): a reflector — each packet of the MediaHost's answers at
    /// once with the caller's side of the same slot (the echo of the slot <c>delay</c> earlier), so the echo path is
    /// exactly the given delay in slots whatever the machine's load, and no echo packet can miss its slot.</param>
    public LineEchoRtpPeer(int echoDelayMs, double echoReturnLossDb, short[]? noise = null, bool clockedByHost = false)
    {
        _noise = noise;
        _clockedByHost = clockedByHost;
        if (echoDelayMs % SlotMs != 0 || echoDelayMs < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(echoDelayMs), $"The peer's echo delay is a multiple of {SlotMs} ms (got {echoDelayMs})");
        }
        if (!AudioCodecs.TryCreate("PCMU", out var codec))
        {
            throw new InvalidOperationException("PCMU codec missing");
        }
        _codec = codec;
        _delaySlots = echoDelayMs / SlotMs;
        _echoGain = (float)Math.Pow(10, -echoReturnLossDb / 20);
        _slots = new short[_delaySlots + 64][];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new short[Samples];
        }
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
    }

    public IPEndPoint Endpoint => (IPEndPoint)_socket.LocalEndPoint!;

    /// <summary>Milliseconds on the peer's clock (the same clock as <see cref="Arrivals"/>).</summary>
    public double NowMs => _clock.Elapsed.TotalMilliseconds;

    /// <summary>Starts sending to <paramref name="host"/> (the MediaHost's RTP port) and receiving from it.</summary>
    public void Start(IPEndPoint host)
    {
        _host = host;
        _socket.ReceiveTimeout = 100; // so the receive thread sees the stop
        _receive = new Thread(Receive) { IsBackground = true, Name = "line-peer-receive" };
        _receive.Start();
        if (!_clockedByHost)
        {
            _send = new Thread(Send) { IsBackground = true, Name = "line-peer-send" };
            _send.Start();
        }
    }

    /// <summary>When (peer clock, ms) the first packet carrying the caller's speech was sent; NaN before.</summary>
    public double CallerStartedAtMs
    {
        get
        {
            lock (_lock)
            {
                return _callerStartedAtMs;
            }
        }
    }

    /// <summary>The MediaHost's packets that arrived after their playout slot (their echo is missing from the line).</summary>
    public int LateEchoPackets => Volatile.Read(ref _lateEchoPackets);

    /// <summary>The caller speaks <paramref name="speech8k"/> (8 kHz) from the next 20 ms slot on; returns when that
    /// slot starts, on the peer's clock.</summary>
    public double Say(short[] speech8k)
    {
        lock (_lock)
        {
            _caller = speech8k;
            _callerStartedAtMs = double.NaN;
            if (_clockedByHost)
            {
                _callerSlot = (int)_lastHostSlot + 1;
                return NowMs;
            }
            _callerSlot = (int)(_clock.ElapsedMilliseconds / SlotMs) + 1;
            return _callerSlot * (double)SlotMs;
        }
    }

    /// <summary>Each packet of the MediaHost's audio: when it arrived (peer clock, ms) and its level (dBFS).</summary>
    public IReadOnlyList<(double AtMs, double Dbfs)> Arrivals
    {
        get
        {
            lock (_lock)
            {
                return [.. _arrivals];
            }
        }
    }

    private void Receive()
    {
        MediaHost.Media.MediaThreadPriority.TryRaiseCurrentThread();
        var buffer = new byte[1500];
        var pcm = new short[Samples];
        var packet = new byte[RtpHeader.FixedLength + Samples];
        var mix = new short[Samples];
        var noise = new Random(7);
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            int received;
            try
            {
                received = _socket.ReceiveFrom(buffer, ref from);
            }
            catch (SocketException)
            {
                continue; // the receive timeout (to see the stop), or an ICMP port-unreachable from before the host listened
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            if (!RtpHeader.TryParse(buffer.AsSpan(0, received), out var header, out var offset))
            {
                continue;
            }
            if (_clockedByHost && header.PayloadType is 0 or ComfortNoisePayloadType)
            {
                // Reflector: the host's slot is the line's slot (comfort noise is a silent one); its echo returns delay
                // slots later, exactly, and the caller's side of that slot leaves now.
                var hostSlot = header.Timestamp / Samples;
                var n = header.PayloadType == 0 ? _codec.Decode(buffer.AsSpan(offset, received - offset), pcm) : 0;
                pcm.AsSpan(n).Clear();
                lock (_lock)
                {
                    pcm.CopyTo(_slots[hostSlot % _slots.Length]);
                    _arrivals.Add((NowMs, Dbfs(pcm)));
                }
                Reflect(hostSlot, packet, mix, noise);
                continue;
            }
            if (header.PayloadType != 0)
            {
                continue; // RTCP on the wrong port, comfort noise, telephone events: not audio to echo
            }
            var decoded = _codec.Decode(buffer.AsSpan(offset, received - offset), pcm);
            lock (_lock)
            {
                // Like a phone's jitter buffer: a packet plays in the slot its RTP timestamp gives, a fixed time after
                // the earliest arrival seen, so the echo path's delay stays fixed however the packets jitter. Not after
                // the first packet's arrival: on a loaded machine that one came up to 1.2 s late (the call's start is
                // its busiest moment) and fixed an echo delay of 1.4 s for the whole call, far outside a phone line's
                // 20–300 ms and the front-end's MaxEchoDelayMs.
                var arrivalSlot = _clock.ElapsedMilliseconds / SlotMs;
                var baseNow = arrivalSlot + JitterSlots - header.Timestamp / Samples;
                _timestampBase = Math.Min(_timestampBase ?? baseNow, baseNow);
                var slot = _timestampBase.Value + header.Timestamp / Samples;
                if (slot >= arrivalSlot && slot < arrivalSlot + _slots.Length - _delaySlots)
                {
                    pcm.AsSpan(0, decoded).CopyTo(_slots[slot % _slots.Length]);
                }
                else if (slot < arrivalSlot)
                {
                    _lateEchoPackets++;
                }
                _arrivals.Add((NowMs, Dbfs(pcm.AsSpan(0, decoded))));
            }
        }
    }

    /// <summary>Reflector mode: the caller's side of host slot <paramref name="hostSlot"/> leaves at once.</summary>
    private void Reflect(long hostSlot, byte[] packet, short[] mix, Random noise)
    {
        lock (_lock)
        {
            if (hostSlot <= _lastHostSlot)
            {
                return; // a duplicate or reordered packet: that slot was answered
            }
            _lastHostSlot = hostSlot;
        }
        Mix(hostSlot, mix, noise);
        var n = _codec.Encode(mix, packet.AsSpan(RtpHeader.FixedLength));
        new RtpHeader(false, 0, (ushort)hostSlot, (uint)(1000 + hostSlot * Samples), 0xCA11E5).WriteTo(packet);
        _socket.SendTo(packet.AsSpan(0, RtpHeader.FixedLength + n), SocketFlags.None, _host!);
    }

    private void Send()
    {
        MediaHost.Media.MediaThreadPriority.TryRaiseCurrentThread();
        var packet = new byte[RtpHeader.FixedLength + Samples];
        var mix = new short[Samples];
        var noise = new Random(7);
        var sequence = (ushort)1;
        var timestamp = 1000u;
        var slot = _clock.ElapsedMilliseconds / SlotMs + 1;
        while (!_stop.IsCancellationRequested)
        {
            // Send every slot that is due (a late wake-up catches up rather than stretching the call's clock).
            while (_clock.ElapsedMilliseconds >= slot * SlotMs)
            {
                Mix(slot, mix, noise);
                var n = _codec.Encode(mix, packet.AsSpan(RtpHeader.FixedLength));
                new RtpHeader(false, 0, sequence++, timestamp, 0xCA11E5).WriteTo(packet);
                timestamp += Samples;
                _socket.SendTo(packet.AsSpan(0, RtpHeader.FixedLength + n), SocketFlags.None, _host!);
                slot++;
            }
            Thread.Sleep(2);
        }
    }

    /// <summary>Echo of the slot <c>delay</c> ago (cleared once used, so a slot the host sent nothing in is silence),
    /// soft-clipped like a hybrid, plus the caller, plus quiet line noise (−70 dBFS).</summary>
    private void Mix(long slot, short[] mix, Random noise)
    {
        lock (_lock)
        {
            var echoSlot = slot - _delaySlots;
            var echo = echoSlot >= 0 ? _slots[echoSlot % _slots.Length] : null;
            var callerOffset = (slot - _callerSlot) * Samples;
            if (callerOffset == 0)
            {
                _callerStartedAtMs = NowMs;
            }
            for (var i = 0; i < Samples; i++)
            {
                var e = echo is null ? 0f : echo[i] * _echoGain;
                e = 0.8f * short.MaxValue * MathF.Tanh(e / (0.8f * short.MaxValue));
                var c = callerOffset >= 0 && callerOffset + i < _caller.Length ? _caller[callerOffset + i] : 0;
                var background = _noise is { } n ? n[(int)((slot * Samples + i) % n.Length)] : 0;
                mix[i] = (short)Math.Clamp(e + c + background + (noise.NextDouble() - 0.5) * 20, short.MinValue, short.MaxValue);
            }
            echo?.AsSpan().Clear();
        }
    }

    private static double Dbfs(ReadOnlySpan<short> pcm)
    {
        double sum = 0;
        foreach (var s in pcm)
        {
            sum += s * (double)s;
        }
        return 10 * Math.Log10(sum / Math.Max(1, pcm.Length) / (32768.0 * 32768.0) + 1e-12);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _send?.Join();
        _receive?.Join();
        _socket.Dispose();
        _stop.Dispose();
    }
}
