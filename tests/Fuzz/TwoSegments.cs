using System.Buffers;

namespace VoiceFunctions.Fuzz;

/// <summary>A byte array as a two-segment sequence, split at a given offset, as a TCP read can deliver it.</summary>
public sealed class TwoSegments : ReadOnlySequenceSegment<byte>
{
    private TwoSegments(ReadOnlyMemory<byte> memory, long runningIndex)
    {
        Memory = memory;
        RunningIndex = runningIndex;
    }

    public static ReadOnlySequence<byte> Of(byte[] bytes, int splitAt)
    {
        var first = new TwoSegments(bytes.AsMemory(0, splitAt), 0);
        var second = new TwoSegments(bytes.AsMemory(splitAt), splitAt);
        first.Next = second;
        return new ReadOnlySequence<byte>(first, 0, second, second.Memory.Length);
    }
}
