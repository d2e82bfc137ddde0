using System.Buffers;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Tests.Sip.Messages;

/// <summary>
/// The checked-in corpus of valid-but-tortuous and malformed messages (tests/MediaHost.Tests/Sip/Corpus): every file
/// gets its listed verdict as a datagram, and reads identically from a stream in every fragmentation.
/// </summary>
public sealed class SipCorpusTests
{
    public static TheoryData<string> Files() => new(SipCorpus.Files());

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_file_gets_its_expected_verdict_whole_and_in_every_fragmentation(string file)
    {
        Assert.True(SipCorpus.Expected().TryGetValue(file, out var expected), $"{file} is not listed in Corpus/expected.txt");
        var bytes = SipCorpus.Read(file);

        var result = SipParser.ParseDatagram(bytes);
        switch (expected.Parse)
        {
            case "accept":
                Assert.True(result.Status == SipReadStatus.Done, $"{file}: {result.Error}");
                var reparsed = SipParser.ParseDatagram(SipSerializer.Serialize(result.Message!));
                Assert.True(reparsed.Status == SipReadStatus.Done, $"{file} after a round trip: {reparsed.Error}");
                break;
            case "reject":
                Assert.Equal(SipReadStatus.Invalid, result.Status);
                Assert.Contains(expected.Reason, result.Error, StringComparison.OrdinalIgnoreCase);
                var answer = SipResponseBuilder.TryReject(result);
                Assert.NotNull(answer);
                Assert.Equal(expected.Udp, answer.StatusCode);
                AssertCleanText(SipSerializer.Serialize(answer));
                break;
            case "drop":
                Assert.Equal(SipReadStatus.Invalid, result.Status);
                Assert.Contains(expected.Reason, result.Error, StringComparison.OrdinalIgnoreCase);
                Assert.Null(SipResponseBuilder.TryReject(result));
                break;
            default:
                Assert.Fail($"unknown verdict '{expected.Parse}' for {file}");
                break;
        }

        var whole = Describe(new ReadOnlySequence<byte>(bytes));
        foreach (var (name, buffer) in BufferVariants.Of(bytes))
        {
            Assert.True(whole == Describe(buffer), $"{file} read {name} differs from the whole buffer");
        }
    }

    [Fact]
    public void Every_listed_corpus_file_exists()
    {
        foreach (var file in SipCorpus.Expected().Keys)
        {
            Assert.True(File.Exists(Path.Combine(SipCorpus.Directory, file)), $"expected.txt lists missing file {file}");
        }
    }

    [Fact]
    public void Every_prefix_of_a_valid_message_needs_more_data_on_a_stream()
    {
        var bytes = SipCorpus.Read("valid-basic-invite.sip");
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = SipStreamReader.TryRead(new ReadOnlySequence<byte>(bytes, 0, length), out _);
            Assert.True(result.Status == SipReadStatus.NeedMoreData, $"prefix of {length} bytes: {result.Status} {result.Error}");
        }
    }

    /// <summary>The answer to bad bytes never carries them back: no control characters but the CRLF that end lines.</summary>
    private static void AssertCleanText(byte[] answer)
    {
        for (var i = 0; i < answer.Length; i++)
        {
            var c = answer[i];
            if (c == '\r' && i + 1 < answer.Length && answer[i + 1] == '\n')
            {
                i++;
                continue;
            }
            Assert.False(c < 0x20 || c == 0x7F, $"control byte 0x{c:X2} at {i} of the answer");
        }
    }

    private static string Describe(ReadOnlySequence<byte> buffer)
    {
        var result = SipStreamReader.TryRead(buffer, out var consumed);
        var message = result.Message is null ? "" : Convert.ToBase64String(SipSerializer.Serialize(result.Message));
        return $"{result.Status}|{result.Error}|{consumed}|{message}";
    }
}
