using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Tests.Sip.Sdp;

public sealed class SdpNegotiatorTests
{
    private static readonly IPAddress Us = IPAddress.Parse("198.51.100.7");
    private static readonly IReadOnlyList<MediaCodec> Default = HoldingMediaSessionFactory.DefaultCodecs;

    private static string Offer(string mLine, string attributes = "", string connection = "192.0.2.10") =>
        $"v=0\r\no=- 5 5 IN IP4 {connection}\r\ns=-\r\nc=IN IP4 {connection}\r\nt=0 0\r\nm={mLine}\r\n{attributes}";

    [Fact]
    public void Our_priority_picks_the_codec_and_the_offerers_payload_types_are_kept()
    {
        var offer = Offer("audio 40000 RTP/AVP 8 0 101", "a=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\n");
        var result = SdpNegotiator.Answer(offer, Default, Us, 30000, 1, 1);

        Assert.True(result.Succeeded, result.FailureReason);
        var media = result.Media!;
        Assert.Equal("PCMU", media.Codec.Name);
        Assert.Equal(0, media.PayloadType);
        Assert.Equal(101, media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.10"), 40000), media.RemoteEndpoint);
        Assert.Equal(MediaDirection.SendReceive, media.Direction);
        Assert.Equal(20, media.PacketTimeMs);
        Assert.Contains("m=audio 30000 RTP/AVP 0 101\r\n", result.AnswerSdp);
        Assert.Contains("c=IN IP4 198.51.100.7\r\n", result.AnswerSdp);
        Assert.Contains("a=sendrecv\r\n", result.AnswerSdp);
    }

    [Fact]
    public void A_configured_priority_of_PCMA_first_wins_over_the_offer_order()
    {
        var result = SdpNegotiator.Answer(Offer("audio 40000 RTP/AVP 0 8"), [MediaCodec.Pcma, MediaCodec.Pcmu], Us, 30000, 1, 1);
        Assert.Equal("PCMA", result.Media!.Codec.Name);
        Assert.Null(result.Media.TelephoneEventPayloadType);
        Assert.Contains("m=audio 30000 RTP/AVP 8\r\n", result.AnswerSdp);
    }

    [Fact]
    public void Dynamic_payload_types_are_matched_by_rtpmap_name_rate_and_channels()
    {
        var offer = Offer("audio 40000 RTP/AVP 96 97", "a=rtpmap:96 OPUS/48000/2\r\na=rtpmap:97 telephone-event/48000\r\na=ptime:40\r\n");
        var result = SdpNegotiator.Answer(offer, Default, Us, 30000, 1, 1);
        Assert.Equal("opus", result.Media!.Codec.Name);
        Assert.Equal(96, result.Media.PayloadType);
        Assert.Equal(97, result.Media.TelephoneEventPayloadType);
        Assert.Equal(40, result.Media.PacketTimeMs);
        Assert.Contains("a=rtpmap:96 opus/48000/2\r\n", result.AnswerSdp);
    }

    [Fact]
    public void No_common_codec_is_rejected_with_488_naming_both_sides()
    {
        var result = SdpNegotiator.Answer(Offer("audio 40000 RTP/AVP 18", "a=rtpmap:18 G729/8000\r\n"), Default, Us, 30000, 1, 1);
        Assert.False(result.Succeeded);
        Assert.Equal(488, result.FailureStatus);
        Assert.Contains("no common codec: offered G729/8000", result.FailureReason);
    }

    [Fact]
    public void Secure_RTP_only_offers_are_rejected_with_488()
    {
        var result = SdpNegotiator.Answer(Offer("audio 40000 RTP/SAVP 0"), Default, Us, 30000, 1, 1);
        Assert.Equal(488, result.FailureStatus);
        Assert.Contains("RTP/SAVP", result.FailureReason);
    }

    [Theory]
    [InlineData("a=sendonly\r\n", MediaDirection.ReceiveOnly, "a=recvonly")]
    [InlineData("a=recvonly\r\n", MediaDirection.SendOnly, "a=sendonly")]
    [InlineData("a=inactive\r\n", MediaDirection.Inactive, "a=inactive")]
    [InlineData("", MediaDirection.SendReceive, "a=sendrecv")]
    public void Hold_directions_are_mirrored(string attribute, MediaDirection ours, string answerLine)
    {
        var result = SdpNegotiator.Answer(Offer("audio 40000 RTP/AVP 0", attribute), Default, Us, 30000, 1, 2);
        Assert.Equal(ours, result.Media!.Direction);
        Assert.Contains(answerLine + "\r\n", result.AnswerSdp);
    }

    [Fact]
    public void Old_style_hold_with_a_zero_address_stops_our_sending()
    {
        var result = SdpNegotiator.Answer(Offer("audio 40000 RTP/AVP 0", connection: "0.0.0.0"), Default, Us, 30000, 1, 2);
        Assert.Equal(MediaDirection.ReceiveOnly, result.Media!.Direction);
        Assert.False(result.Media.MaySend);
    }

    [Fact]
    public void Streams_we_do_not_take_are_answered_with_port_zero()
    {
        var offer = Offer("video 50000 RTP/AVP 96", "a=rtpmap:96 H264/90000\r\nm=audio 40000 RTP/AVP 0\r\n");
        var result = SdpNegotiator.Answer(offer, Default, Us, 30000, 1, 1);
        Assert.True(result.Succeeded);
        var mLines = result.AnswerSdp!.Split("\r\n").Where(l => l.StartsWith("m=")).ToList();
        Assert.Equal(["m=video 0 RTP/AVP 96", "m=audio 30000 RTP/AVP 0"], mLines);
    }

    [Theory]
    [InlineData("v=1\r\n", "unsupported SDP version")]
    [InlineData("v=0\r\nm=audio port RTP/AVP 0\r\n", "malformed SDP media line")]
    [InlineData("v=0\r\nc=IN IP4 not-an-address\r\n", "malformed SDP connection line")]
    [InlineData("garbage", "is not 'x=value'")]
    public void Malformed_SDP_is_rejected_with_400_and_the_line(string sdp, string reason)
    {
        var result = SdpNegotiator.Answer(sdp, Default, Us, 30000, 1, 1);
        Assert.Equal(400, result.FailureStatus);
        Assert.Contains(reason, result.FailureReason);
    }

    [Theory]
    [InlineData("a=rtpmap:x PCMU/8000", "malformed SDP attribute line")]
    [InlineData("c=IN IP4 not-an-address", "malformed SDP connection line")]
    public void An_offer_whose_only_audio_line_is_malformed_is_not_acceptable_488_with_the_line(string badLine, string reason)
    {
        var sdp = $"v=0\r\nc=IN IP4 192.0.2.10\r\nm=audio 4000 RTP/AVP 0\r\n{badLine}\r\n";
        var result = SdpNegotiator.Answer(sdp, Default, Us, 30000, 1, 1);
        Assert.Equal(488, result.FailureStatus);
        Assert.Contains(reason, result.FailureReason);
    }

    [Fact]
    public void A_malformed_attribute_on_a_stream_we_refuse_still_gets_the_audio_answered_and_that_stream_port_0()
    {
        var offer = "v=0\r\no=- 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
            + "m=video 4002 RTP/AVP 96\r\na=rtpmap:x H264\r\nm=audio 4000 RTP/AVP 0\r\n";
        var result = SdpNegotiator.Answer(offer, Default, Us, 30000, 1, 1);
        Assert.True(result.Succeeded, result.FailureReason);
        var mLines = result.AnswerSdp!.Split("\r\n").Where(l => l.StartsWith("m=")).ToList();
        Assert.Equal(["m=video 0 RTP/AVP 96", "m=audio 30000 RTP/AVP 0"], mLines);
    }

    [Fact]
    public void Our_offer_lists_every_codec_and_an_answer_to_it_is_read_back()
    {
        var offer = SdpNegotiator.Offer(Default, Us, 30000, 9, 1);
        Assert.Contains("m=audio 30000 RTP/AVP 0 8 9 111 101\r\n", offer);
        var peer = SdpNegotiator.Answer(offer, [MediaCodec.G722, MediaCodec.TelephoneEvent], IPAddress.Parse("192.0.2.20"), 41000, 3, 1);
        var read = SdpNegotiator.ReadAnswer(peer.AnswerSdp!, Default);
        Assert.Equal("G722", read.Media!.Codec.Name);
        Assert.Equal(9, read.Media.PayloadType);
        Assert.Equal(101, read.Media.TelephoneEventPayloadType);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("192.0.2.20"), 41000), read.Media.RemoteEndpoint);
    }
}
