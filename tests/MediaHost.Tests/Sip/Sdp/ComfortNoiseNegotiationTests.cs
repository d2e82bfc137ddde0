using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Tests.Sip.Sdp;

/// <summary>RFC 3389 comfort noise is taken beside the audio codec only when the peer offers it at that codec's clock rate.</summary>
public sealed class ComfortNoiseNegotiationTests
{
    private static readonly IPAddress Us = IPAddress.Parse("198.51.100.7");
    private static readonly IReadOnlyList<MediaCodec> Local = RtpMediaSessionFactory.DefaultNegotiated;

    private static string Offer(string mLine, string attributes = "") =>
        $"v=0\r\no=- 5 5 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\nm={mLine}\r\n{attributes}";

    [Fact]
    public void Static_CN_offered_beside_PCMU_is_answered_and_negotiated()
    {
        var result = SdpNegotiator.Answer(Offer("audio 40000 RTP/AVP 0 101 13", "a=rtpmap:101 telephone-event/8000\r\n"), Local, Us, 30000, 1, 1);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Equal(13, result.Media!.ComfortNoisePayloadType);
        Assert.Contains("m=audio 30000 RTP/AVP 0 101 13\r\n", result.AnswerSdp);
        Assert.Contains("a=rtpmap:13 CN/8000\r\n", result.AnswerSdp);
    }

    [Fact]
    public void A_peer_that_does_not_offer_CN_gets_none()
    {
        var result = SdpNegotiator.Answer(Offer("audio 40000 RTP/AVP 8 101", "a=rtpmap:101 telephone-event/8000\r\n"), Local, Us, 30000, 1, 1);

        Assert.Null(result.Media!.ComfortNoisePayloadType);
        Assert.DoesNotContain("CN/", result.AnswerSdp);
    }

    [Fact]
    public void CN_at_another_clock_rate_than_the_chosen_codec_is_not_taken()
    {
        var offer = Offer("audio 40000 RTP/AVP 111 13", "a=rtpmap:111 opus/48000/2\r\n");
        var result = SdpNegotiator.Answer(offer, Local, Us, 30000, 1, 1);

        Assert.Equal("opus", result.Media!.Codec.Name);
        Assert.Null(result.Media.ComfortNoisePayloadType);
    }

    [Fact]
    public void A_dynamic_CN_payload_type_in_the_answer_to_our_offer_is_used()
    {
        var answer = Offer("audio 40000 RTP/AVP 0 98", "a=rtpmap:98 CN/8000\r\n");
        var result = SdpNegotiator.ReadAnswer(answer, Local);

        Assert.Equal(98, result.Media!.ComfortNoisePayloadType);
    }

    [Fact]
    public void Our_offer_lists_CN()
    {
        var offer = SdpNegotiator.Offer(Local, Us, 30000, 1, 1);
        Assert.Contains("a=rtpmap:13 CN/8000\r\n", offer);
    }
}
