using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Media.Net;

/// <summary>
/// Where the fields of Linux's <c>struct epoll_event</c> (<c>uint32 events; uint64 data;</c>) sit in memory. The kernel
/// declares it packed on x86-64 (12 bytes, data at offset 4) so 32- and 64-bit x86 agree, while arm64 and the others
/// use natural alignment (16 bytes, data at offset 8). Reading and writing at explicit offsets keeps one code path
/// for both, testable on any machine (fields in the machine's own byte order, as the kernel writes them).
/// </summary>
public readonly record struct EpollEventLayout(int Size, int DataOffset)
{
    /// <summary>x86 and x86-64: packed.</summary>
    public static readonly EpollEventLayout Packed = new(12, 4);

    /// <summary>arm64, arm and every other architecture: the 64-bit data field is 8-byte aligned.</summary>
    public static readonly EpollEventLayout Aligned = new(16, 8);

    /// <summary>The layout of this process's architecture.</summary>
    public static EpollEventLayout Current { get; } = For(RuntimeInformation.ProcessArchitecture);

    public static EpollEventLayout For(Architecture architecture) =>
        architecture is Architecture.X64 or Architecture.X86 ? Packed : Aligned;

    /// <summary>Writes event <paramref name="index"/> of an array of events.</summary>
    public void Write(Span<byte> events, int index, uint flags, ulong data)
    {
        var entry = events.Slice(index * Size, Size);
        entry.Clear();
        MemoryMarshal.Write(entry, in flags);
        MemoryMarshal.Write(entry[DataOffset..], in data);
    }

    public uint ReadFlags(ReadOnlySpan<byte> events, int index) =>
        MemoryMarshal.Read<uint>(events.Slice(index * Size, sizeof(uint)));

    public ulong ReadData(ReadOnlySpan<byte> events, int index) =>
        MemoryMarshal.Read<ulong>(events.Slice(index * Size + DataOffset, sizeof(ulong)));
}
