using System.Buffers;

namespace VoiceFunctions.MediaHost.Tests.Sip;

/// <summary>
/// Every way a stream transport might hand us the same bytes: whole, split in two at every offset, and one byte
/// per segment. A parser that gives a different answer for any of them has a fragmentation bug.
/// </summary>
public static class BufferVariants
{
    public static IEnumerable<(string Name, ReadOnlySequence<byte> Buffer)> Of(byte[] bytes)
    {
        yield return ("whole", new ReadOnlySequence<byte>(bytes));
        for (var split = 1; split < bytes.Length; split++)
        {
            yield return ($"split at {split}", Segments(bytes, [split]));
        }
        yield return ("one byte per segment", Segments(bytes, Enumerable.Range(1, Math.Max(0, bytes.Length - 1)).ToArray()));
    }

    public static ReadOnlySequence<byte> Segments(byte[] bytes, int[] splits)
    {
        if (bytes.Length == 0)
        {
            return ReadOnlySequence<byte>.Empty;
        }
        var bounds = splits.Where(s => s > 0 && s < bytes.Length).Distinct().Order().Append(bytes.Length).ToArray();
        var first = new Segment(bytes.AsMemory(0, bounds[0]), 0);
        var last = first;
        var start = bounds[0];
        for (var i = 1; i < bounds.Length; i++)
        {
            last = last.Append(bytes.AsMemory(start, bounds[i] - start));
            start = bounds[i];
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
