using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using static VoiceFunctions.Benchmarks.Media.Load.LinuxDatagramCalls;

namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// One UDP socket that carries the RTP of every call the load generator places: datagrams queued for sending leave
/// in one <c>sendmmsg</c>, and what arrived is read in batches by <c>recvmmsg</c> with each datagram's sender port
/// and kernel arrival time. All buffers are native and allocated once, so a step of the stream allocates nothing.
/// Linux only (the bench's platform); elsewhere the constructor says so.
/// </summary>
internal sealed unsafe class RtpBatchSocket : IDisposable
{
    public const int MaxPacket = 512;   // a PCMU packet is 172 bytes; anything longer arrives truncated (still counted)

    private readonly Socket _socket;
    private readonly int _fd;
    private readonly uint _peerAddress;   // network byte order
    private readonly int _capacity;

    private readonly MMsgHdr* _sendMessages;
    private readonly IoVec* _sendIov;
    private readonly SockAddrIn* _sendAddresses;
    private readonly byte* _sendPackets;
    private readonly int[] _sendLengths;
    private int _queued;

    private readonly MMsgHdr* _receiveMessages;
    private readonly IoVec* _receiveIov;
    private readonly SockAddrIn* _receiveAddresses;
    private readonly byte* _receivePackets;
    private readonly byte* _receiveControl;
    private int _received = -1;   // datagrams the last receive filled: only their headers need resetting (-1: all)

    public RtpBatchSocket(IPAddress local, IPAddress peer, int batch)
    {
        if (!OperatingSystem.IsLinux() || IntPtr.Size != 8)
        {
            throw new PlatformNotSupportedException("The load generator batches RTP with sendmmsg/recvmmsg: it runs on 64-bit Linux only.");
        }
        _capacity = batch;
        _peerAddress = BinaryPrimitives.ReadUInt32LittleEndian(peer.GetAddressBytes());   // bytes as they go on the wire
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp)
        {
            ReceiveBufferSize = 4 << 20,  // ~5,000 datagrams: 200 ms of 500 calls' packets if the generator is held up
            SendBufferSize = 4 << 20,
        };
        _socket.Bind(new IPEndPoint(local, 0));
        _socket.SetRawSocketOption(SolSocket, SoTimestampNs, BitConverter.GetBytes(1));
        _fd = (int)_socket.SafeHandle.DangerousGetHandle();
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;

        _sendMessages = Allocate<MMsgHdr>(batch);
        _sendIov = Allocate<IoVec>(batch);
        _sendAddresses = Allocate<SockAddrIn>(batch);
        _sendPackets = Allocate<byte>(batch * MaxPacket);
        _sendLengths = new int[batch];
        _receiveMessages = Allocate<MMsgHdr>(batch);
        _receiveIov = Allocate<IoVec>(batch);
        _receiveAddresses = Allocate<SockAddrIn>(batch);
        _receivePackets = Allocate<byte>(batch * MaxPacket);
        _receiveControl = Allocate<byte>(batch * TimestampControlSpace);
        ArrivalNs = new long[batch];
        SourcePorts = new int[batch];
        Lengths = new int[batch];
    }

    /// <summary>The local UDP port every call's SDP offer names.</summary>
    public int Port { get; }

    /// <summary>Per datagram of the last <see cref="Receive"/>: kernel arrival time (ns since the Unix epoch).</summary>
    public long[] ArrivalNs { get; }

    /// <summary>Per datagram of the last <see cref="Receive"/>: the sender's UDP port.</summary>
    public int[] SourcePorts { get; }

    /// <summary>Per datagram of the last <see cref="Receive"/>: its length (at most <see cref="MaxPacket"/> bytes kept).</summary>
    public int[] Lengths { get; }

    /// <summary>The system calls made so far (send and receive batches, including empty receives).</summary>
    public long SystemCalls { get; private set; }

    /// <summary>A slot for one datagram to the peer's <paramref name="port"/>; write the packet, then <see cref="Commit"/>.</summary>
    public Span<byte> Queue(int port)
    {
        if (_queued == _capacity)
        {
            Flush();
        }
        _sendAddresses[_queued] = new SockAddrIn
        {
            Family = AfInet,
            PortBigEndian = BinaryPrimitives.ReverseEndianness((ushort)port),
            AddressBigEndian = _peerAddress,
        };
        return new Span<byte>(_sendPackets + _queued * MaxPacket, MaxPacket);
    }

    /// <summary>Completes the slot <see cref="Queue"/> returned with the packet's length.</summary>
    public void Commit(int length) => _sendLengths[_queued++] = length;

    /// <summary>Sends every queued datagram (one system call unless the kernel takes them in parts). Returns how many.</summary>
    public int Flush()
    {
        for (var i = 0; i < _queued; i++)
        {
            _sendIov[i] = new IoVec { Base = _sendPackets + i * MaxPacket, Length = (nuint)_sendLengths[i] };
            _sendMessages[i] = new MMsgHdr
            {
                Header = new MsgHdr { Name = _sendAddresses + i, NameLength = (uint)sizeof(SockAddrIn), Iov = _sendIov + i, IovLength = 1 },
            };
        }
        var sent = 0;
        while (sent < _queued)
        {
            SystemCalls++;
            var n = SendMMsg(_fd, _sendMessages + sent, (uint)(_queued - sent), 0);
            if (n < 0)
            {
                var error = Marshal.GetLastPInvokeError();
                if (error == EIntr)
                {
                    continue;
                }
                throw new SocketException(error);
            }
            sent += n;
        }
        _queued = 0;
        return sent;
    }

    /// <summary>
    /// Reads up to one batch of what has arrived without waiting; the datagrams are then described by
    /// <see cref="Payload"/>, <see cref="SourcePorts"/>, <see cref="ArrivalNs"/>. Returns how many (0: nothing waiting).
    /// </summary>
    public int Receive()
    {
        // The kernel rewrites the name and control lengths of the messages it filled; reset those to full size.
        for (var i = 0; i < (_received < 0 ? _capacity : _received); i++)
        {
            _receiveIov[i] = new IoVec { Base = _receivePackets + i * MaxPacket, Length = MaxPacket };
            _receiveMessages[i] = new MMsgHdr
            {
                Header = new MsgHdr
                {
                    Name = _receiveAddresses + i,
                    NameLength = (uint)sizeof(SockAddrIn),
                    Iov = _receiveIov + i,
                    IovLength = 1,
                    Control = _receiveControl + i * TimestampControlSpace,
                    ControlLength = (nuint)TimestampControlSpace,
                },
            };
        }
        SystemCalls++;
        var n = RecvMMsg(_fd, _receiveMessages, (uint)_capacity, MsgDontWait, null);
        if (n < 0)
        {
            var error = Marshal.GetLastPInvokeError();
            _received = 0;
            return error is EAgain or EIntr ? 0 : throw new SocketException(error);
        }
        _received = n;
        var fallbackNs = 0L;
        for (var i = 0; i < n; i++)
        {
            var header = _receiveMessages[i].Header;
            Lengths[i] = (int)Math.Min(_receiveMessages[i].Length, MaxPacket);
            SourcePorts[i] = BinaryPrimitives.ReverseEndianness(_receiveAddresses[i].PortBigEndian);
            var control = (CMsgHdr*)header.Control;
            if (header.ControlLength >= (nuint)TimestampControlSpace && control->Level == SolSocket && control->Type == SoTimestampNs)
            {
                var stamp = (TimeSpec*)(control + 1);
                ArrivalNs[i] = stamp->Seconds * 1_000_000_000 + stamp->Nanoseconds;
            }
            else
            {
                // No kernel stamp (not expected on Linux): the time we read it, on the same clock.
                fallbackNs = fallbackNs != 0 ? fallbackNs : PhasedRtpStreamer.UnixNowNs();
                ArrivalNs[i] = fallbackNs;
            }
        }
        return n;
    }

    /// <summary>The bytes of received datagram <paramref name="index"/> of the last <see cref="Receive"/>.</summary>
    public ReadOnlySpan<byte> Payload(int index) => new(_receivePackets + index * MaxPacket, Lengths[index]);

    public void Dispose()
    {
        _socket.Dispose();
        foreach (var block in new void*[] { _sendMessages, _sendIov, _sendAddresses, _sendPackets, _receiveMessages, _receiveIov, _receiveAddresses, _receivePackets, _receiveControl })
        {
            NativeMemory.Free(block);
        }
    }

    private static T* Allocate<T>(int count) where T : unmanaged => (T*)NativeMemory.AllocZeroed((nuint)count, (nuint)sizeof(T));
}
