using System.Text;

namespace VoiceFunctions.Benchmarks.Sip;

/// <summary>
/// Typical messages of one call as a provider SBC sends them: an INVITE with SDP, a 100 Trying, a 200 OK. Also compiled
/// into MediaHost.Tests (linked in its project file), so the parser allocation test bounds the INVITE this benchmark times.
/// </summary>
public static class SipSampleMessages
{
    private const string Sdp =
        "v=0\r\no=- 3912345678 3912345678 IN IP4 198.51.100.20\r\ns=-\r\nc=IN IP4 198.51.100.20\r\nt=0 0\r\n" +
        "m=audio 16384 RTP/AVP 0 8 9 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:9 G722/8000\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";

    /// <summary>An 841-byte INVITE with 13 headers (one of them unknown to us) and a 4-codec SDP.</summary>
    public static readonly byte[] Invite = Encoding.ASCII.GetBytes(
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

    /// <summary>The 100 Trying a far end sends for our outbound INVITE.</summary>
    public static readonly byte[] Trying = Encoding.ASCII.GetBytes(
        "SIP/2.0 100 Trying\r\n" +
        "Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK6f2c9e1a0b7d4c3e;rport=5060;received=203.0.113.5\r\n" +
        "From: <sip:agent@203.0.113.5>;tag=a1b2c3d4\r\n" +
        "To: <sip:+15552223333@198.51.100.20>\r\n" +
        "Call-ID: 9b8a7c6d5e4f3a2b1c0d@203.0.113.5\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Content-Length: 0\r\n\r\n");

    /// <summary>The 200 OK with an SDP answer, a Record-Route and a Contact.</summary>
    public static readonly byte[] Ok = Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 203.0.113.5:5060;branch=z9hG4bK6f2c9e1a0b7d4c3e;rport=5060;received=203.0.113.5\r\n" +
        "Record-Route: <sip:198.51.100.1;lr>\r\n" +
        "From: <sip:agent@203.0.113.5>;tag=a1b2c3d4\r\n" +
        "To: <sip:+15552223333@198.51.100.20>;tag=5e6f7a8b\r\n" +
        "Call-ID: 9b8a7c6d5e4f3a2b1c0d@203.0.113.5\r\n" +
        "CSeq: 1 INVITE\r\n" +
        "Contact: <sip:+15552223333@198.51.100.20:5060>\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS\r\n" +
        "Supported: timer\r\n" +
        "Server: Provider-SBC 4.2\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n\r\n" + Sdp);
}
