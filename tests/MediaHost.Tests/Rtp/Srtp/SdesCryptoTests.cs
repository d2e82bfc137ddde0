using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.MediaHost.Tests.Rtp.Srtp;

/// <summary>The SDP side of SDES (RFC 4568): reading what peers send, writing what we send, never showing the key.</summary>
public sealed class SdesCryptoTests
{
    [Fact]
    public void A_generated_attribute_reads_back_with_the_same_suite_key_and_salt()
    {
        var ours = SdesCrypto.Generate(1, SrtpSuite.AesCm128HmacSha1_32);
        Assert.True(SdesCrypto.TryParse(ours.ToAttributeValue(), out var read, out var error), error);
        Assert.Equal(SrtpSuite.AesCm128HmacSha1_32, read.Suite);
        Assert.Equal(ours.MasterKey.ToArray(), read.MasterKey.ToArray());
        Assert.Equal(ours.MasterSalt.ToArray(), read.MasterSalt.ToArray());
    }

    [Fact]
    public void Baresips_attribute_with_a_lifetime_is_read()
    {
        Assert.True(SdesCrypto.TryParse("1 AES_CM_128_HMAC_SHA1_80 inline:Z+8DWphd1cPpXSnoj7VFdqWu0z5XMjZmMhFxVs9Z|2^31", out var crypto, out var error), error);
        Assert.Equal(1, crypto.Tag);
        Assert.Equal(SrtpSuite.AesCm128HmacSha1_80, crypto.Suite);
    }

    [Theory]
    [InlineData("1 AES_256_CM_HMAC_SHA1_80 inline:Z+8DWphd1cPpXSnoj7VFdqWu0z5XMjZmMhFxVs9Z", "unsupported crypto-suite")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=", "not 30 bytes")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:Z+8DWphd1cPpXSnoj7VFdqWu0z5XMjZmMhFxVs9Z|2^20|1:4", "MKI")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 uri:https://keys.example", "must be inline")]
    [InlineData("1 AES_CM_128_HMAC_SHA1_80 inline:Z+8DWphd1cPpXSnoj7VFdqWu0z5XMjZmMhFxVs9Z KDR=1", "session parameters")]
    [InlineData("x AES_CM_128_HMAC_SHA1_80", "malformed crypto attribute")]
    public void Attributes_we_cannot_use_are_refused_with_a_reason_that_never_quotes_the_key(string value, string reason)
    {
        Assert.False(SdesCrypto.TryParse(value, out _, out var error));
        Assert.Contains(reason, error);
        Assert.DoesNotContain("Z+8DWphd", error);
    }

    [Fact]
    public void ToString_never_shows_the_key()
    {
        var crypto = SdesCrypto.Generate(3, SrtpSuite.AesCm128HmacSha1_80);
        var inline = crypto.ToAttributeValue().Split("inline:")[1];
        Assert.DoesNotContain(inline, crypto.ToString());
        Assert.Contains("<redacted>", crypto.ToString());
    }
}
