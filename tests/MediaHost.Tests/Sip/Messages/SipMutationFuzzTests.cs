using System.Buffers;
using System.Net;
using System.Text;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Messages;

/// <summary>
/// A bounded mutation fuzz over the corpus (fixed seed, so a failure reproduces): bit flips, byte insertions,
/// deletions, truncations, header duplication, folds, line breaks, control bytes and the characters the grammar
/// cares about (quotes, escapes, brackets, separators, UTF-8). The parsers must never throw, only accept or give a
/// reason, whatever they accept must serialize and parse again to the same headers and body, and a stream read of
/// the bytes split at a random offset must equal the whole read. Not
/// coverage-guided: that is SipSdpCoverageFuzzTests (afl-fuzz over the SharpFuzz harness in tests/Fuzz).
/// </summary>
public sealed class SipMutationFuzzTests
{
    private static readonly string CorpusDirectory = Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Sip", "Corpus");

    [Fact]
    public void Mutated_corpus_messages_never_crash_the_SIP_parsers()
    {
        var seeds = Directory.GetFiles(CorpusDirectory).Where(f => !f.EndsWith(".txt") && !f.EndsWith(".gitattributes")).Select(File.ReadAllBytes).ToArray();
        var random = new Random(20261125);
        for (var i = 0; i < 20_000; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Length)], random);
            var datagram = SipParser.ParseDatagram(input);
            if (datagram.Status == SipReadStatus.Done)
            {
                var again = SipParser.ParseDatagram(SipSerializer.Serialize(datagram.Message!));
                Assert.True(again.Status == SipReadStatus.Done, $"iteration {i}: accepted input did not survive a round trip: {again.Error}");
                Assert.True(Describe(datagram.Message!) == Describe(again.Message!), $"iteration {i}: the round trip changed the message");
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(datagram.Error), $"iteration {i}: rejected without a reason");
                SipResponseBuilder.TryBadRequest(datagram.Partial, datagram.Error!);
            }
            // On a stream, the same bytes split at a random offset must read exactly as the whole buffer does.
            var whole = ReadStream(new ReadOnlySequence<byte>(input));
            var split = ReadStream(BufferVariants.Segments(input, [random.Next(1, Math.Max(2, input.Length))]));
            Assert.True(whole == split, $"iteration {i}: a split stream read differs from the whole one");
        }
    }

    [Fact]
    public void Mutated_offers_never_crash_the_SDP_negotiator()
    {
        var offer = Encoding.ASCII.GetBytes("v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 40000 RTP/AVP 96 0 101\r\n" +
            "a=rtpmap:96 opus/48000/2\r\na=fmtp:96 useinbandfec=1\r\na=rtpmap:101 telephone-event/8000\r\na=ptime:20\r\na=sendonly\r\n");
        var random = new Random(4566);
        for (var i = 0; i < 20_000; i++)
        {
            var text = Encoding.ASCII.GetString(Mutate(offer, random));
            var result = SdpNegotiator.Answer(text, HoldingMediaSessionFactory.DefaultCodecs, IPAddress.Loopback, 30000, 1, 1);
            Assert.True(result.Succeeded || result.FailureStatus is 400 or 488, $"iteration {i}: status {result.FailureStatus}");
            Assert.True(result.Succeeded || !string.IsNullOrEmpty(result.FailureReason));
        }
    }

    private static string ReadStream(ReadOnlySequence<byte> buffer)
    {
        var result = SipStreamReader.TryRead(buffer, out var consumed);
        var message = result.Message is null ? "" : Describe(result.Message);
        return $"{result.Status}|{result.Error}|{consumed}|{message}";
    }

    private static string Describe(SipMessage message) =>
        $"{message.Method} {message.RequestUri} {message.StatusCode} {message.ReasonPhrase}\n"
        + string.Join("\n", message.Headers.Where(h => h.Name != SipHeaderNames.ContentLength).Select(h => $"{h.Name}: {h.Value}"))
        + "\n" + Convert.ToBase64String(message.Body.Span);

    private static readonly byte[][] Interesting = [.. new[] { "\"", "\\", "<", ">", ",", ";", "=", ":", " ", "\t", "\r\n ", "Иван", "\u00a0" }.Select(Encoding.UTF8.GetBytes)];

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var bytes = new List<byte>(seed);
        var edits = random.Next(1, 6);
        for (var e = 0; e < edits && bytes.Count > 0; e++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(9))
            {
                case 0:
                    bytes[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(at, (byte)random.Next(256));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                case 4:
                    bytes.InsertRange(at, "\r\n"u8.ToArray());
                    break;
                case 5:
                    bytes.InsertRange(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                case 6:
                    bytes.Insert(at, (byte)"\r\n\t\0\u007f"[random.Next(5)]);
                    break;
                default:
                    var length = Math.Min(random.Next(1, 80), bytes.Count - at);
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }
        return [.. bytes];
    }
}
