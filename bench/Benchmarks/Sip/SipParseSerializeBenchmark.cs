using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.Benchmarks.Sip;

/// <summary>Parse and serialize a typical INVITE with SDP (about 900 bytes), as a datagram.</summary>
[MemoryDiagnoser]
public class SipParseSerializeBenchmark
{
    private const string Sdp =
        "v=0\r\no=- 3912345678 3912345678 IN IP4 198.51.100.20\r\ns=-\r\nc=IN IP4 198.51.100.20\r\nt=0 0\r\n" +
        "m=audio 16384 RTP/AVP 0 8 9 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    private static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:+15550001111@203.0.113.5:5060 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 198.51.100.20:5060;branch=z9hG4bK-524287-1---a3b2c1d0e9f8;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "Contact: <sip:+15552223333@198.51.100.20:5060;transport=udp>\r\n" +
        "To: <sip:+15550001111@203.0.113.5>\r\n" +
        "From: \"Caller\" <sip:+15552223333@198.51.100.20>;tag=7d8e9f10\r\n" +
        "Call-ID: 4f2b6c1e9a7d4e3b8c5a1f0e2d3c4b5a@198.51.100.20\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER, NOTIFY\r\n" +
        "Supported: replaces, timer\r\n" +
        "User-Agent: Provider-SBC 4.2\r\n" +
        "X-Trunk: moscow-1\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n\r\n" + Sdp);

    private readonly ArrayBufferWriter<byte> _output = new(2048);
    private SipMessage _parsed = null!;

    [GlobalSetup]
    public void Setup() => _parsed = SipParser.ParseDatagram(Invite).Message!;

    [Benchmark]
    public SipMessage Parse() => SipParser.ParseDatagram(Invite).Message!;

    [Benchmark]
    public int Serialize()
    {
        _output.ResetWrittenCount();
        SipSerializer.Write(_parsed, _output);
        return _output.WrittenCount;
    }

    [Benchmark(Baseline = true)]
    public int ParseAndSerialize()
    {
        var message = SipParser.ParseDatagram(Invite).Message!;
        _output.ResetWrittenCount();
        SipSerializer.Write(message, _output);
        return _output.WrittenCount;
    }
}
