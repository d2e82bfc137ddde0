using System.Runtime.InteropServices;

namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// The Linux (64-bit) system calls and structures the load generator batches its RTP with: <c>sendmmsg</c> and
/// <c>recvmmsg</c> move many datagrams per system call, and <c>SO_TIMESTAMPNS</c> makes the kernel stamp each
/// received datagram with its arrival time (CLOCK_REALTIME), so the generator's own scheduling does not blur what
/// it measures. Layouts are those of the LP64 Linux ABI (x86-64 and arm64).
/// </summary>
internal static unsafe partial class LinuxDatagramCalls
{
    public const int SolSocket = 1;
    public const int SoTimestampNs = 35;      // also SCM_TIMESTAMPNS, the control message's type
    public const int MsgDontWait = 0x40;
    public const int EAgain = 11;
    public const int EIntr = 4;
    public const ushort AfInet = 2;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;     // bytes sent or received for this message
    }

    /// <summary>sockaddr_in: family, port and address in network byte order, 8 bytes of zero.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SockAddrIn
    {
        public ushort Family;
        public ushort PortBigEndian;
        public uint AddressBigEndian;
        public ulong Zero;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct CMsgHdr
    {
        public nuint Length;
        public int Level;
        public int Type;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    /// <summary>CMSG_SPACE(sizeof(struct timespec)): one control message header plus the timestamp, 8-byte aligned.</summary>
    public static readonly int TimestampControlSpace = sizeof(CMsgHdr) + sizeof(TimeSpec);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMMsg(int fd, MMsgHdr* messages, uint count, int flags);

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int RecvMMsg(int fd, MMsgHdr* messages, uint count, int flags, TimeSpec* timeout);
}
