using System.Runtime.InteropServices;
using VoiceFunctions.MediaHost.Media.Net;

namespace VoiceFunctions.MediaHost.Tests.Media.Net;

/// <summary>struct epoll_event is packed on x86 (12 bytes) and naturally aligned elsewhere (16 bytes): both, on any machine.</summary>
public sealed class EpollEventLayoutTests
{
    [Theory]
    [InlineData(Architecture.X64, 12, 4)]
    [InlineData(Architecture.X86, 12, 4)]
    [InlineData(Architecture.Arm64, 16, 8)]
    [InlineData(Architecture.Arm, 16, 8)]
    public void Each_architecture_gets_the_kernels_layout(Architecture architecture, int size, int dataOffset)
    {
        var layout = EpollEventLayout.For(architecture);

        Assert.Equal(size, layout.Size);
        Assert.Equal(dataOffset, layout.DataOffset);
    }

    [Fact]
    public void Packed_x86_64_events_are_read_at_12_byte_strides_with_data_right_after_the_flags()
    {
        // Two events as the kernel writes them on x86-64: flags at 0 and 12, data at 4 and 16.
        var events = new byte[24];
        MemoryMarshal.Write(events.AsSpan(0), 0x0000_0001u);
        MemoryMarshal.Write(events.AsSpan(4), 0x1122_3344_5566_7788UL);
        MemoryMarshal.Write(events.AsSpan(12), 0x0000_0009u);
        MemoryMarshal.Write(events.AsSpan(16), 42UL);
        var layout = EpollEventLayout.Packed;

        Assert.Equal(0x1u, layout.ReadFlags(events, 0));
        Assert.Equal(0x1122_3344_5566_7788UL, layout.ReadData(events, 0));
        Assert.Equal(0x9u, layout.ReadFlags(events, 1));
        Assert.Equal(42UL, layout.ReadData(events, 1));
    }

    [Fact]
    public void Aligned_arm64_events_are_read_at_16_byte_strides_with_data_after_4_bytes_of_padding()
    {
        var events = new byte[32];
        MemoryMarshal.Write(events.AsSpan(0), 0x0000_0001u);
        events.AsSpan(4, 4).Fill(0xEE); // padding: must not leak into the data
        MemoryMarshal.Write(events.AsSpan(8), 7UL);
        MemoryMarshal.Write(events.AsSpan(16), 0x0000_0008u);
        MemoryMarshal.Write(events.AsSpan(24), ulong.MaxValue - 1);
        var layout = EpollEventLayout.Aligned;

        Assert.Equal(0x1u, layout.ReadFlags(events, 0));
        Assert.Equal(7UL, layout.ReadData(events, 0));
        Assert.Equal(0x8u, layout.ReadFlags(events, 1));
        Assert.Equal(ulong.MaxValue - 1, layout.ReadData(events, 1));
    }

    [Theory]
    [InlineData(Architecture.X64)]
    [InlineData(Architecture.Arm64)]
    public void An_event_written_for_epoll_ctl_puts_flags_and_data_where_the_kernel_reads_them(Architecture architecture)
    {
        var layout = EpollEventLayout.For(architecture);
        var entry = new byte[layout.Size];
        entry.AsSpan().Fill(0xFF);

        layout.Write(entry, 0, flags: 0x1, data: 0xABCD_EF01_2345_6789UL);

        Assert.Equal(0x1u, MemoryMarshal.Read<uint>(entry));
        Assert.Equal(0xABCD_EF01_2345_6789UL, MemoryMarshal.Read<ulong>(entry.AsSpan(layout.DataOffset)));
        Assert.All(entry.AsSpan(4, layout.DataOffset - 4).ToArray(), b => Assert.Equal(0, b)); // padding cleared
    }

    [Fact]
    public void This_process_uses_the_layout_of_its_architecture()
    {
        Assert.Equal(EpollEventLayout.For(RuntimeInformation.ProcessArchitecture), EpollEventLayout.Current);
    }
}
