using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Tests.Sip.Sdp;

/// <summary>Inputs that the coverage-guided fuzzer (scripts/fuzz.sh) found to break a parser promise.</summary>
public sealed class SdpParserFuzzRegressionTests
{
    [Fact]
    public void Media_line_ending_in_CR_then_space_is_rejected_as_a_bare_CR()
    {
        // Found by afl-fuzz: "8 9\r " split into the formats "8" and "9\r"; "9\r" matched no static payload type,
        // but the same session written out again read back as "9" (G722), so the parse did not survive a round trip.
        var sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm=audio 52 RTP/AVP 8 9\r \r\n";

        Assert.False(SdpParser.TryParse(sdp, out _, out var error));
        Assert.Equal("SDP line 6 has a bare CR", error);
    }

    [Fact]
    public void CR_inside_an_origin_line_is_rejected_as_a_bare_CR()
    {
        var sdp = "v=0\r\no=- 1\r1 IN IP4 192.0.2.10\r\ns=-\r\nt=0 0\r\n";

        Assert.False(SdpParser.TryParse(sdp, out _, out var error));
        Assert.Equal("SDP line 2 has a bare CR", error);
    }

    [Fact]
    public void Bare_LF_line_ends_are_still_accepted()
    {
        Assert.True(SdpParser.TryParse("v=0\no=- 1 1 IN IP4 192.0.2.10\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 9\n", out var session, out var error), error);
        Assert.Equal("G722", session.Media[0].RtpMaps[9].Name);
    }
}
