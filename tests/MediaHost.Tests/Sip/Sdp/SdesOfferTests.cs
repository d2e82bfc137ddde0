using System.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Srtp;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Tests.Sip.Sdp;

/// <summary>
/// Our SDES offers (calls we place, offers in a 200) under each trunk setting, and how the peer's answer is read: the
/// keys of the tag it chose, plain RTP only where our offer allowed it, and every unusable answer refused with its reason.
/// </summary>
public sealed class SdesOfferTests
{
    private static readonly IPAddress Us = IPAddress.Loopback;
    private static readonly IReadOnlyList<MediaCodec> Codecs = [MediaCodec.Pcmu, MediaCodec.TelephoneEvent];

    private static string Answer(string protocol, params string[] crypto) =>
        "v=0\r\no=- 7 7 IN IP4 127.0.0.20\r\ns=-\r\nc=IN IP4 127.0.0.20\r\nt=0 0\r\n"
        + $"m=audio 5000 {protocol} 0\r\na=rtpmap:0 PCMU/8000\r\n"
        + string.Concat(crypto.Select(c => $"a=crypto:{c}\r\n"));

    private static string[] CryptoLines(string sdp) =>
        [.. sdp.Split("\r\n").Where(l => l.StartsWith("a=crypto:", StringComparison.Ordinal)).Select(l => l["a=crypto:".Length..])];

    [Theory]
    [InlineData(MediaEncryption.Required, "m=audio 30000 RTP/SAVP 0 101")]
    [InlineData(MediaEncryption.Allowed, "m=audio 30000 RTP/AVP 0 101")]
    public void An_offer_names_both_suites_with_a_fresh_key_each_under_the_profile_the_setting_asks(MediaEncryption setting, string mediaLine)
    {
        var srtp = SdesOffer.Create(setting)!;
        var sdp = SdpNegotiator.Offer(Codecs, Us, 30000, 1, 1, srtp: srtp);

        Assert.Contains(mediaLine, sdp);
        var lines = CryptoLines(sdp);
        Assert.Equal(2, lines.Length);
        Assert.True(SdesCrypto.TryParse(lines[0], out var first, out _));
        Assert.True(SdesCrypto.TryParse(lines[1], out var second, out _));
        Assert.Equal((1, SrtpSuite.AesCm128HmacSha1_80), (first.Tag, first.Suite));
        Assert.Equal((2, SrtpSuite.AesCm128HmacSha1_32), (second.Tag, second.Suite));
        Assert.NotEqual(first.MasterKey.ToArray(), second.MasterKey.ToArray());
        Assert.DoesNotContain("inline:" + lines[0].Split("inline:")[1], srtp.ToString());
    }

    [Fact]
    public void With_encryption_off_the_offer_is_plain_RTP_without_keys()
    {
        Assert.Null(SdesOffer.Create(MediaEncryption.Off));
        var sdp = SdpNegotiator.Offer(Codecs, Us, 30000, 1, 1, srtp: SdesOffer.Create(MediaEncryption.Off));
        Assert.Contains("m=audio 30000 RTP/AVP", sdp);
        Assert.Empty(CryptoLines(sdp));
    }

    [Theory]
    [InlineData(MediaEncryption.Required, "RTP/SAVP", 1)]
    [InlineData(MediaEncryption.Required, "RTP/SAVP", 2)]
    [InlineData(MediaEncryption.Allowed, "RTP/AVP", 2)]
    [InlineData(MediaEncryption.Allowed, "RTP/SAVP", 1)]
    public void An_answer_that_picks_one_offered_tag_gives_our_key_to_send_and_theirs_to_receive(MediaEncryption setting, string protocol, int tag)
    {
        var srtp = SdesOffer.Create(setting)!;
        var ours = srtp.Crypto[tag - 1];
        var theirs = SdesCrypto.Generate(tag, ours.Suite);

        var result = SdpNegotiator.ReadAnswer(Answer(protocol, theirs.ToAttributeValue()), Codecs, srtp);

        Assert.True(result.Succeeded, result.FailureReason);
        var keys = result.Media!.Encryption!;
        Assert.Equal(ours.Suite.Name, keys.Suite);
        Assert.Equal(ours.MasterKey.ToArray(), keys.SendKey.ToArray());
        Assert.Equal(ours.MasterSalt.ToArray(), keys.SendSalt.ToArray());
        Assert.Equal(theirs.MasterKey.ToArray(), keys.ReceiveKey.ToArray());
        Assert.Equal(theirs.MasterSalt.ToArray(), keys.ReceiveSalt.ToArray());
    }

    [Fact]
    public void Allowed_takes_a_plain_answer_as_plain_RTP()
    {
        var result = SdpNegotiator.ReadAnswer(Answer("RTP/AVP"), Codecs, SdesOffer.Create(MediaEncryption.Allowed));
        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Null(result.Media!.Encryption);
    }

    public static TheoryData<MediaEncryption, string, string[], string> UnusableAnswers => new()
    {
        { MediaEncryption.Required, "RTP/AVP", [], "media encryption is required and the answer is RTP/AVP without a crypto attribute" },
        { MediaEncryption.Required, "RTP/SAVP", [], "media encryption is required and the answer is RTP/SAVP without a crypto attribute" },
        { MediaEncryption.Allowed, "RTP/SAVP", [], "the answer is RTP/SAVP without a crypto attribute" },
        { MediaEncryption.Required, "RTP/AVP", [SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80).ToAttributeValue()], "media encryption is required and the answer is RTP/AVP" },
        { MediaEncryption.Required, "RTP/SAVP", ["1 AES_256_CM_HMAC_SHA1_80 inline:Z+8DWphd1cPpXSnoj7VFdqWu0z5XMjZmMhFxVs9Z"], "unsupported crypto-suite 'AES_256_CM_HMAC_SHA1_80'" },
        { MediaEncryption.Allowed, "RTP/AVP", ["1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ="], "the inline key is not 30 bytes of base64" },
        { MediaEncryption.Required, "RTP/SAVP", [SdesCrypto.Generate(7, SrtpSuite.AesCm128HmacSha1_80).ToAttributeValue()], "crypto tag 7 is not one we offered" },
        { MediaEncryption.Required, "RTP/SAVP", [SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_32).ToAttributeValue()], "tag 1 names AES_CM_128_HMAC_SHA1_32; we offered AES_CM_128_HMAC_SHA1_80" },
        { MediaEncryption.Required, "RTP/SAVP", [SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80).ToAttributeValue(), SdesCrypto.Generate(2, SrtpSuite.AesCm128HmacSha1_32).ToAttributeValue()], "exactly one" },
        { MediaEncryption.Off, "RTP/SAVP", [SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80).ToAttributeValue()], "we offered plain RTP/AVP" },
    };

    [Theory]
    [MemberData(nameof(UnusableAnswers))]
    public void An_answer_that_does_not_fit_our_crypto_offer_is_refused_with_the_reason_and_no_key_in_it(MediaEncryption setting, string protocol, string[] crypto, string reason)
    {
        var result = SdpNegotiator.ReadAnswer(Answer(protocol, crypto), Codecs, SdesOffer.Create(setting));

        Assert.False(result.Succeeded);
        Assert.Equal(488, result.FailureStatus);
        Assert.Contains(reason, result.FailureReason);
        Assert.DoesNotContain("inline:", result.FailureReason);
    }

    [Fact]
    public void Our_offer_answered_by_our_own_answerer_agrees_on_mirrored_keys()
    {
        var srtp = SdesOffer.Create(MediaEncryption.Required)!;
        var offer = SdpNegotiator.Offer(Codecs, Us, 30000, 1, 1, srtp: srtp);

        var answered = SdpNegotiator.Answer(offer, Codecs, Us, 40000, 2, 1, MediaEncryption.Required);
        var read = SdpNegotiator.ReadAnswer(answered.AnswerSdp!, Codecs, srtp);

        Assert.True(read.Succeeded, read.FailureReason);
        var caller = read.Media!.Encryption!;
        var callee = answered.Media!.Encryption!;
        Assert.Equal(caller.SendKey.ToArray(), callee.ReceiveKey.ToArray());
        Assert.Equal(callee.SendKey.ToArray(), caller.ReceiveKey.ToArray());
        Assert.Equal(SrtpSuite.AesCm128HmacSha1_80.Name, caller.Suite);
    }

    [Theory]
    [InlineData(MediaEncryption.Allowed)]
    [InlineData(MediaEncryption.Required)]
    public void A_best_effort_offer_RTP_AVP_with_crypto_is_answered_with_SRTP_when_encryption_is_allowed_or_required(MediaEncryption setting)
    {
        var offer = SdpNegotiator.Offer(Codecs, Us, 30000, 1, 1, srtp: SdesOffer.Create(MediaEncryption.Allowed));

        var answered = SdpNegotiator.Answer(offer, Codecs, Us, 40000, 2, 1, setting);

        Assert.True(answered.Succeeded, answered.FailureReason);
        Assert.Contains("m=audio 40000 RTP/AVP", answered.AnswerSdp);
        Assert.Single(CryptoLines(answered.AnswerSdp!));
        Assert.NotNull(answered.Media!.Encryption);
    }

    [Fact]
    public void A_best_effort_offer_is_answered_plain_when_encryption_is_off()
    {
        var offer = SdpNegotiator.Offer(Codecs, Us, 30000, 1, 1, srtp: SdesOffer.Create(MediaEncryption.Allowed));

        var answered = SdpNegotiator.Answer(offer, Codecs, Us, 40000, 2, 1, MediaEncryption.Off);

        Assert.True(answered.Succeeded, answered.FailureReason);
        Assert.Empty(CryptoLines(answered.AnswerSdp!));
        Assert.Null(answered.Media!.Encryption);
    }
}
