using System.Text;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Tests.Sip.Messages;

/// <summary>The header list over parsed bytes behaves like a list of strings: edits, lookups and names.</summary>
public sealed class SipHeaderListTests
{
    private static SipMessage Parse(string text)
    {
        var result = SipParser.ParseDatagram(Encoding.UTF8.GetBytes(text));
        Assert.True(result.Status == SipReadStatus.Done, result.Error);
        return result.Message!;
    }

    private const string Options =
        "OPTIONS sip:bob@192.0.2.1 SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK-1\r\n" +
        "Max-Forwards: 70\r\n" +
        "f: <sip:alice@192.0.2.10>;tag=a\r\n" +
        "To: <sip:bob@192.0.2.1>\r\n" +
        "i: edit-1@192.0.2.10\r\n" +
        "CSeq: 7 OPTIONS\r\n" +
        "Supported: timer\r\n" +
        "x-Custom: one\r\n" +
        "Subject: first\r\n second\r\n" +
        "l: 0\r\n\r\n";

    [Fact]
    public void Edits_on_a_parsed_message_are_what_gets_written()
    {
        var message = Parse(Options);
        message.Headers.Set(SipHeaderNames.MaxForwards, "69");
        message.Headers.AddFirst(SipHeaderNames.Via, "SIP/2.0/UDP 203.0.113.5;branch=z9hG4bK-top");
        Assert.Equal(1, message.Headers.Remove("k"));
        message.Headers.Add("X-Custom", "two");
        message.RequestUri = "sip:carol@192.0.2.2";

        var written = SipParser.ParseDatagram(SipSerializer.Serialize(message));

        Assert.Equal(SipReadStatus.Done, written.Status);
        var again = written.Message!;
        Assert.Equal("sip:carol@192.0.2.2", again.RequestUri);
        Assert.Equal("69", again.Headers.Get("max-forwards"));
        Assert.Equal(["SIP/2.0/UDP 203.0.113.5;branch=z9hG4bK-top", "SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK-1"], again.Headers.GetAll("v"));
        Assert.False(again.Headers.Contains(SipHeaderNames.Supported));
        Assert.Equal(["one", "two"], again.Headers.GetAll("X-CUSTOM"));
        Assert.Equal("first second", again.Headers.Get("subject"));
        Assert.Equal("a", again.From!.Tag);
        Assert.Equal("edit-1@192.0.2.10", again.CallId);
    }

    [Fact]
    public void Unknown_names_keep_their_spelling_and_known_compact_names_read_in_full()
    {
        var message = Parse(Options);
        var names = message.Headers.Select(h => h.Name).ToArray();
        Assert.Equal(["Via", "Max-Forwards", "From", "To", "Call-ID", "CSeq", "Supported", "x-Custom", "Subject", "Content-Length"], names);
    }

    [Fact]
    public void A_response_echoes_the_request_headers_byte_for_byte()
    {
        var request = Parse(Options);
        var response = SipResponseBuilder.Create(request, 200, "OK", "b");
        var text = Encoding.UTF8.GetString(SipSerializer.Serialize(response));
        Assert.Contains("\r\nVia: SIP/2.0/UDP 192.0.2.10;branch=z9hG4bK-1\r\n", text);
        Assert.Contains("\r\nFrom: <sip:alice@192.0.2.10>;tag=a\r\n", text);
        Assert.Contains("\r\nTo: <sip:bob@192.0.2.1>;tag=b\r\n", text);
        Assert.Contains("\r\nCall-ID: edit-1@192.0.2.10\r\n", text);
    }

    [Theory]
    [InlineData("via", "Via")]
    [InlineData("VIA", "Via")]
    [InlineData("v", "Via")]
    [InlineData("I", "Call-ID")]
    [InlineData("call-id", "Call-ID")]
    [InlineData("content-LENGTH", "Content-Length")]
    [InlineData("www-authenticate", "WWW-Authenticate")]
    [InlineData("Proxy-Authorization", "Proxy-Authorization")]
    [InlineData("subscription-state", "Subscription-State")]
    [InlineData("x", "Session-Expires")]
    public void Known_names_are_found_from_bytes_in_any_case(string spelling, string canonical)
    {
        Assert.True(SipHeaderNames.TryGetKnown(Encoding.ASCII.GetBytes(spelling), out var found));
        Assert.Same(SipHeaderNames.Canonicalize(canonical), found);
        Assert.Same(found, SipHeaderNames.Canonicalize(spelling));
    }

    [Theory]
    [InlineData("X-Trunk")]
    [InlineData("Vias")]
    [InlineData("Vi")]
    [InlineData("P-Asserted-Identity")]
    [InlineData("Content-Lengthy")]
    public void Other_names_are_not_known(string spelling) =>
        Assert.False(SipHeaderNames.TryGetKnown(Encoding.ASCII.GetBytes(spelling), out _));
}
