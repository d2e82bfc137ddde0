using System.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Srtp;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Tests.Sip.Sdp;

/// <summary>SDES-SRTP in the offer/answer (RFC 4568) under each media-encryption setting of a trunk.</summary>
public sealed class SdesNegotiationTests
{
    private static readonly IPAddress Us = IPAddress.Loopback;
    private static readonly IReadOnlyList<MediaCodec> Codecs = [MediaCodec.Pcmu, MediaCodec.TelephoneEvent];
    private static readonly SdesCrypto Theirs = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_80);

    private static string Offer(string protocol, params string[] crypto) =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.10\r\ns=-\r\nc=IN IP4 127.0.0.10\r\nt=0 0\r\n"
        + $"m=audio 4000 {protocol} 0 101\r\na=rtpmap:101 telephone-event/8000\r\n"
        + string.Concat(crypto.Select(c => $"a=crypto:{c}\r\n"));

    [Theory]
    [InlineData(MediaEncryption.Allowed)]
    [InlineData(MediaEncryption.Required)]
    public void An_SRTP_offer_is_answered_RTP_SAVP_with_our_own_key_and_the_keys_reach_the_media(MediaEncryption setting)
    {
        var result = SdpNegotiator.Answer(Offer("RTP/SAVP", "9 AES_CM_128_HMAC_SHA1_99 inline:x", Theirs.ToAttributeValue()), Codecs, Us, 30000, 1, 1, setting);

        Assert.True(result.Succeeded, result.FailureReason);
        Assert.Contains("m=audio 30000 RTP/SAVP 0 101", result.AnswerSdp);
        var cryptoLine = result.AnswerSdp!.Split("\r\n").Single(l => l.StartsWith("a=crypto:", StringComparison.Ordinal));
        Assert.True(SdesCrypto.TryParse(cryptoLine["a=crypto:".Length..], out var ours, out _));
        Assert.Equal(1, ours.Tag);
        var keys = result.Media!.Encryption!;
        Assert.Equal(ours.MasterKey.ToArray(), keys.SendKey.ToArray());
        Assert.Equal(Theirs.MasterKey.ToArray(), keys.ReceiveKey.ToArray());
        Assert.NotEqual(keys.SendKey.ToArray(), keys.ReceiveKey.ToArray());
        Assert.DoesNotContain(Convert.ToBase64String(keys.SendKey.ToArray())[..8], keys.ToString());
    }

    [Fact]
    public void A_plain_offer_stays_plain_when_encryption_is_allowed()
    {
        var result = SdpNegotiator.Answer(Offer("RTP/AVP"), Codecs, Us, 30000, 1, 1, MediaEncryption.Allowed);
        Assert.True(result.Succeeded);
        Assert.Contains("RTP/AVP", result.AnswerSdp);
        Assert.Null(result.Media!.Encryption);
    }

    [Theory]
    [InlineData("RTP/SAVP", MediaEncryption.Off, "media encryption is off")]
    [InlineData("RTP/AVP", MediaEncryption.Required, "media encryption is required")]
    public void An_offer_against_the_trunk_setting_is_not_acceptable_here(string protocol, MediaEncryption setting, string reason)
    {
        var result = SdpNegotiator.Answer(Offer(protocol, protocol == "RTP/SAVP" ? [Theirs.ToAttributeValue()] : []), Codecs, Us, 30000, 1, 1, setting);
        Assert.Equal(488, result.FailureStatus);
        Assert.Contains(reason, result.FailureReason);
    }

    [Theory]
    [InlineData(new string[0], "without a crypto attribute")]
    [InlineData(new[] { "1 AES_256_CM_HMAC_SHA1_80 inline:Z+8DWphd1cPpXSnoj7VFdqWu0z5XMjZmMhFxVs9Z" }, "unsupported crypto-suite")]
    public void An_SRTP_offer_without_a_usable_key_gets_488_saying_why(string[] crypto, string reason)
    {
        var result = SdpNegotiator.Answer(Offer("RTP/SAVP", crypto), Codecs, Us, 30000, 1, 1, MediaEncryption.Required);
        Assert.Equal(488, result.FailureStatus);
        Assert.Contains(reason, result.FailureReason);
    }
}
