using System.Buffers;
using System.IO.Pipelines;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.Fuzz;

/// <summary>
/// One fuzz input as the plaintext a SIP-over-TLS connection reads: delivered through a real pipe in record-sized
/// writes (sizes taken from the input, 1 byte to a full 16 KiB TLS record) and framed by the connection's own step
/// (<see cref="SipStreamFraming"/>, with the host's default limits), exactly as TcpSipConnection's read loop does over
/// the SslStream. Promises: nothing throws; whatever the record boundaries, the messages and the verdict are those of
/// reading the same bytes in one piece; a stream that hit bad framing reads nothing more. (The TLS record layer itself is
/// .NET's SslStream, not fuzzed here.)
/// </summary>
public static class TlsStreamTarget
{
    private const int MaxRecord = 16 * 1024;

    public static void Run(ReadOnlySpan<byte> input)
    {
        var bytes = input.ToArray();
        var whole = Read(bytes, [bytes.Length]);
        var records = RecordSizes(bytes);
        var chunked = Read(bytes, records);
        if (whole != chunked)
        {
            throw new InvariantViolation($"records of {string.Join(",", records)} bytes read differently from the whole stream:\n{whole}\n---\n{chunked}");
        }
    }

    // Record sizes from the input's own bytes, so the fuzzer explores the boundaries and a crash replays exactly.
    private static List<int> RecordSizes(byte[] bytes)
    {
        var sizes = new List<int>();
        var left = bytes.Length;
        for (var i = 0; left > 0; i++)
        {
            var seed = bytes[i % bytes.Length] * 31 + i;
            var size = Math.Min(left, seed % 5 == 0 ? MaxRecord : 1 + seed % 97);
            sizes.Add(size);
            left -= size;
        }
        return sizes;
    }

    private static string Read(byte[] bytes, IReadOnlyList<int> records)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0, useSynchronizationContext: false));
        var log = new System.Text.StringBuilder();
        var offset = 0;
        var open = true;
        foreach (var size in records)
        {
            pipe.Writer.Write(bytes.AsSpan(offset, size));
            offset += size;
            pipe.Writer.FlushAsync().AsTask().GetAwaiter().GetResult();
            if (!pipe.Reader.TryRead(out var read))
            {
                throw new InvariantViolation("a flushed write left nothing to read");
            }
            var buffer = read.Buffer;
            var before = buffer.Length;
            if (open)
            {
                open = SipStreamFraming.ReadMessages(ref buffer, SipLimits.Default, result => log.Append(Describe(result)).Append('\n'));
            }
            if (buffer.Length > before)
            {
                throw new InvariantViolation("framing grew the buffer");
            }
            pipe.Reader.AdvanceTo(buffer.Start, buffer.End);
        }
        log.Append(open ? "open" : "closed");
        return log.ToString();
    }

    private static string Describe(SipReadResult result) =>
        $"{result.Status}|{result.Error}|" + (result.Message is { } m
            ? $"{m.Method} {m.RequestUri} {m.StatusCode}|{m.Headers.Count}|{Convert.ToBase64String(m.Body.Span)}"
            : "");
}
