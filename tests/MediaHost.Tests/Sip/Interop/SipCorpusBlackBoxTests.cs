using VoiceFunctions.MediaHost.Tests.Sip.Messages;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// The torture corpus against a running host (our stack on real loopback sockets, calls answered and held), over UDP and
/// over TCP: every message gets the answer Corpus/expected.txt lists (RFC 3261, RFC 4475, RFC 5118), and an OPTIONS
/// probe after each is answered 200, so no message stalls or breaks the host.
/// </summary>
[Trait("Category", "Interop")]
public sealed class SipCorpusBlackBoxTests(SipCorpusBlackBoxTests.RunningHost host) : IClassFixture<SipCorpusBlackBoxTests.RunningHost>
{
    public static TheoryData<string> Files() => new(SipCorpus.Files());

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Corpus_message_over_UDP_gets_its_listed_answer_and_the_host_answers_the_next_probe(string file)
    {
        var expected = SipCorpus.Expected()[file];
        var (status, probeAnswered, seen) = await SipCorpusExchange.UdpAsync(SipCorpus.Read(file), host.Server.Endpoint, expected.Udp is not null, "udp-" + Path.GetFileNameWithoutExtension(file));
        Assert.True(expected.Udp == status, $"{file} over UDP: expected {Show(expected.Udp)}, got {Show(status)} (seen: {seen})");
        Assert.True(probeAnswered, $"the OPTIONS probe after {file} over UDP got no 200 (seen: {seen})");
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Corpus_message_over_TCP_gets_its_listed_answer_and_the_host_answers_the_next_probe(string file)
    {
        var expected = SipCorpus.Expected()[file];
        var (status, probeAnswered, seen) = await SipCorpusExchange.TcpAsync(SipCorpus.Read(file), host.Server.TcpTransport!.LocalEndpoint, expected.Tcp is not null, "tcp-" + Path.GetFileNameWithoutExtension(file));
        Assert.True(expected.Tcp == status, $"{file} over TCP: expected {Show(expected.Tcp)}, got {Show(status)} (seen: {seen})");
        Assert.True(probeAnswered, $"the OPTIONS probe after {file} over TCP got no 200 (seen: {seen})");
    }

    private static string Show(int? status) => status?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no answer";

    /// <summary>One host for the whole corpus, UDP and TCP, answering calls and holding them.</summary>
    public sealed class RunningHost : IDisposable
    {
        public LoopbackSipServer Server { get; } = new(ScriptedCallHandler.AnswerAndHold(), tcp: true, maxCalls: 1000);

        public void Dispose() => Server.Dispose();
    }
}
