using System.Buffers;
using System.Text;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Messages;

/// <summary>What the parser makes of the tortuous corpus files, header by header.</summary>
public sealed class SipMessageParsingTests
{
    private static SipMessage Parse(string corpusFile)
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Sip", "Corpus", corpusFile));
        var result = SipParser.ParseDatagram(bytes);
        Assert.True(result.Status == SipReadStatus.Done, result.Error);
        return result.Message!;
    }

    [Fact]
    public void Folded_header_lines_are_joined_with_single_spaces()
    {
        var message = Parse("valid-folded-headers.sip");
        Assert.Equal("I know you're there, pick up the phone and talk to me!", message.Headers.Get("subject"));
        Assert.Equal("z9hG4bK-fold", message.TopVia!.Branch);
        Assert.Equal(new SipCSeq(1, "INVITE"), message.CSeq);
        Assert.Equal("f1", message.From!.Tag);
    }

    [Fact]
    public void Compact_header_names_read_as_their_full_names()
    {
        var message = Parse("valid-compact-forms.sip");
        Assert.Equal("compact-1@127.0.0.10", message.CallId);
        Assert.Equal("c1", message.From!.Tag);
        Assert.Equal("sip:bob@127.0.0.1", message.To!.UriText);
        Assert.Equal(["replaces", "timer"], message.Headers.GetAll(SipHeaderNames.Supported));
        Assert.Equal("text/plain", message.ContentType);
        Assert.Equal("hello", Encoding.ASCII.GetString(message.Body.Span));
        Assert.Contains(message.Headers, h => h.Name == "Content-Length");
    }

    [Fact]
    public void Via_values_split_across_commas_and_repeated_headers_in_order()
    {
        var message = Parse("valid-multi-value-via.sip");
        var vias = message.Headers.GetAll(SipHeaderNames.Via).Select(v => SipVia.TryParse(v, out var via) ? via : null).ToList();
        Assert.Equal(["z9hG4bK-a", "z9hG4bK-b", "z9hG4bK-c"], vias.Select(v => v!.Branch));
        Assert.Equal("TCP", vias[1]!.Transport);
        Assert.Equal(5070, vias[1]!.Port);
        Assert.Equal("127.51.100.1", vias[2]!.Received);
        Assert.True(vias[2]!.HasRPort);
        var contacts = message.Headers.GetAll(SipHeaderNames.Contact);
        Assert.Equal(2, contacts.Count);
        Assert.True(SipNameAddress.TryParse(contacts[1], out var second));
        Assert.Equal("Comma, Name", second.DisplayName);
    }

    [Fact]
    public void Quoted_display_names_unescape_quotes_and_backslashes()
    {
        var message = Parse("valid-escaped-display-name.sip");
        Assert.Equal("\"Q\" Agent \\ Desk", message.From!.DisplayName);
        Assert.Equal("Bob, the, builder", message.To!.DisplayName);
        // Written back, the name is escaped again and reads the same.
        Assert.True(SipNameAddress.TryParse(message.From.ToString(), out var again));
        Assert.Equal(message.From.DisplayName, again.DisplayName);
    }

    [Fact]
    public void Leading_zeros_in_numbers_are_accepted()
    {
        var message = Parse("valid-leading-zeros.sip");
        Assert.Equal(new SipCSeq(9, "OPTIONS"), message.CSeq);
        Assert.Equal(5060, message.TopVia!.Port);
        Assert.True(SipUri.TryParse(message.RequestUri, out var uri));
        Assert.Equal(5060, uri.Port);
    }

    [Fact]
    public void Header_names_match_case_insensitively_and_methods_do_not()
    {
        var message = Parse("valid-odd-case-names.sip");
        Assert.Equal("case-1@127.0.0.10", message.Headers.Get("CALL-ID"));
        Assert.Equal("z9hG4bK-case", message.TopVia!.Branch);
        Assert.Equal("UDP", message.TopVia.Transport);
        Assert.Equal("BYE", message.Method);
    }

    [Fact]
    public void IPv6_references_keep_their_brackets_and_ports()
    {
        var message = Parse("valid-ipv6.sip");
        Assert.Equal("[::1]", message.TopVia!.Host);
        Assert.Equal(5060, message.TopVia.Port);
        Assert.True(SipUri.TryParse(message.RequestUri, out var uri));
        Assert.Equal("[::1]", uri.Host);
        Assert.Equal(5070, uri.Port);
    }

    [Fact]
    public void Russian_display_names_survive_as_utf8()
    {
        var message = Parse("valid-utf8-display-name.sip");
        Assert.Equal("Иван Петров", message.From!.DisplayName);
        Assert.Equal("+79161234567", message.From.Uri!.User);
    }

    [Fact]
    public void Pipelined_messages_on_a_stream_are_read_one_after_the_other()
    {
        var one = SipSerializer.Serialize(Parse("valid-compact-forms.sip"));
        var two = SipSerializer.Serialize(Parse("valid-basic-invite.sip"));
        var buffer = new ReadOnlySequence<byte>([.. one, .. "\r\n\r\n"u8.ToArray(), .. two]);

        var first = SipStreamReader.TryRead(buffer, out var consumed);
        Assert.Equal(SipReadStatus.Done, first.Status);
        Assert.Equal("OPTIONS", first.Message!.Method);
        buffer = buffer.Slice(consumed);
        var second = SipStreamReader.TryRead(buffer, out consumed);
        Assert.Equal(SipReadStatus.Done, second.Status);
        Assert.Equal("INVITE", second.Message!.Method);
        Assert.Equal(buffer.Length, consumed);
    }

    [Fact]
    public void A_stream_message_without_Content_Length_is_invalid()
    {
        var bytes = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Sip", "Corpus", "valid-datagram-without-content-length.sip"));
        var result = SipStreamReader.TryRead(new ReadOnlySequence<byte>(bytes), out var consumed);
        Assert.Equal(SipReadStatus.Invalid, result.Status);
        Assert.Contains("missing Content-Length", result.Error);
        Assert.Equal(0, consumed);
    }

    [Fact]
    public void An_endless_header_section_on_a_stream_is_refused_at_the_limit()
    {
        var bytes = Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\nX: " + new string('a', 20_000));
        var result = SipStreamReader.TryRead(new ReadOnlySequence<byte>(bytes), out _);
        Assert.Equal(SipReadStatus.Invalid, result.Status);
        Assert.Contains("header section larger than", result.Error);
    }

    [Fact]
    public void Header_values_with_line_breaks_cannot_be_sent()
    {
        var message = SipMessage.Request("MESSAGE", "sip:bob@127.0.0.1");
        Assert.Throws<ArgumentException>(() => message.Headers.Add("Subject", "hi\r\nVia: SIP/2.0/UDP evil"));
    }
}
