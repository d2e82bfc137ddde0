using System.Buffers;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Messages;

/// <summary>
/// The checked-in corpus of valid-but-tortuous and malformed messages (tests/MediaHost.Tests/Sip/Corpus): every file
/// gets its listed verdict as a datagram, and reads identically from a stream in every fragmentation.
/// </summary>
public sealed class SipCorpusTests
{
    private static readonly string CorpusDirectory = Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Sip", "Corpus");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(CorpusDirectory).Select(Path.GetFileName).Order())
        {
            if (file is not ("expected.txt" or ".gitattributes"))
            {
                data.Add(file!);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_file_gets_its_expected_verdict_whole_and_in_every_fragmentation(string file)
    {
        var expected = Expected();
        Assert.True(expected.TryGetValue(file, out var verdict), $"{file} is not listed in Corpus/expected.txt");
        var bytes = File.ReadAllBytes(Path.Combine(CorpusDirectory, file));

        var result = SipParser.ParseDatagram(bytes);
        switch (verdict.Kind)
        {
            case "accept":
                Assert.True(result.Status == SipReadStatus.Done, $"{file}: {result.Error}");
                var reparsed = SipParser.ParseDatagram(SipSerializer.Serialize(result.Message!));
                Assert.True(reparsed.Status == SipReadStatus.Done, $"{file} after a round trip: {reparsed.Error}");
                break;
            case "reject":
                Assert.Equal(SipReadStatus.Invalid, result.Status);
                Assert.Contains(verdict.Reason, result.Error, StringComparison.OrdinalIgnoreCase);
                var badRequest = SipResponseBuilder.TryBadRequest(result.Partial, result.Error!);
                Assert.NotNull(badRequest);
                Assert.Equal(400, badRequest.StatusCode);
                // The answer itself must be clean SIP: the bad bytes never travel back.
                Assert.Equal(SipReadStatus.Done, SipParser.ParseDatagram(SipSerializer.Serialize(badRequest)).Status);
                break;
            case "drop":
                Assert.Equal(SipReadStatus.Invalid, result.Status);
                Assert.Contains(verdict.Reason, result.Error, StringComparison.OrdinalIgnoreCase);
                Assert.Null(SipResponseBuilder.TryBadRequest(result.Partial, result.Error!));
                break;
            default:
                Assert.Fail($"unknown verdict '{verdict.Kind}' for {file}");
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
        foreach (var file in Expected().Keys)
        {
            Assert.True(File.Exists(Path.Combine(CorpusDirectory, file)), $"expected.txt lists missing file {file}");
        }
    }

    [Fact]
    public void Every_prefix_of_a_valid_message_needs_more_data_on_a_stream()
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusDirectory, "valid-basic-invite.sip"));
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = SipStreamReader.TryRead(new ReadOnlySequence<byte>(bytes, 0, length), out _);
            Assert.True(result.Status == SipReadStatus.NeedMoreData, $"prefix of {length} bytes: {result.Status} {result.Error}");
        }
    }

    private static string Describe(ReadOnlySequence<byte> buffer)
    {
        var result = SipStreamReader.TryRead(buffer, out var consumed);
        var message = result.Message is null ? "" : Convert.ToBase64String(SipSerializer.Serialize(result.Message));
        return $"{result.Status}|{result.Error}|{consumed}|{message}";
    }

    private static Dictionary<string, (string Kind, string Reason)> Expected()
    {
        var map = new Dictionary<string, (string, string)>();
        foreach (var line in File.ReadAllLines(Path.Combine(CorpusDirectory, "expected.txt")))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split((char[])[' ', '\t'], 3, StringSplitOptions.RemoveEmptyEntries);
            map[parts[0]] = (parts[1], parts.Length > 2 ? parts[2].Trim() : "");
        }
        return map;
    }
}
