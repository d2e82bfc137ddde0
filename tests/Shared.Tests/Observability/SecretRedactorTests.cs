using System.Security.Cryptography;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Shared.Tests.Observability;

public sealed class SecretRedactorTests
{
    private static readonly SecretRedactor Redactor = SecretRedactor.Default;

    [Fact]
    public void Text_without_secrets_is_returned_as_the_same_instance()
    {
        var text = "Call call-42 answered after 180 Ringing; codec PCMU, 20 ms frames, 3 turns";
        Assert.Same(text, Redactor.Redact(text));
    }

    [Theory]
    [InlineData("Authorization: Digest username=\"alice\", realm=\"sip.example\", nonce=\"abc\", response=\"6629fae49393a05397450978507c4ef1\"", "6629fae49393a05397450978507c4ef1")]
    [InlineData("Proxy-Authorization: Digest username=\"bob\", response=\"0a4f113b5e3a7d5fa8b8ad4bad20b7d2\"", "0a4f113b5e3a7d5fa8b8ad4bad20b7d2")]
    [InlineData("INVITE sip:agent@host SIP/2.0\r\nVia: SIP/2.0/UDP 10.0.0.1\r\nauthorization: Digest response=\"deadbeefcafe\"\r\nCSeq: 2 INVITE", "deadbeefcafe")]
    [InlineData("{\"Authorization\":\"Bearer abc.def.ghi\"}", "abc.def.ghi")]
    public void Authorization_header_values_are_masked_but_the_header_name_stays(string text, string secret)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains("uthorization", redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Sip_message_lines_after_the_authorization_header_are_kept()
    {
        var redacted = Redactor.Redact("Authorization: Digest response=\"ff00\"\r\nCSeq: 2 INVITE\r\nContent-Length: 0");
        Assert.Contains("CSeq: 2 INVITE", redacted, StringComparison.Ordinal);
        Assert.Contains("Content-Length: 0", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Jwts_are_masked_wherever_they_appear()
    {
        var jwt = TestJwt();
        var redacted = Redactor.Redact($"token for room call-1 is {jwt} (expires in 10 min)");
        Assert.DoesNotContain(jwt, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(jwt.Split('.')[1], redacted, StringComparison.Ordinal);
        Assert.Contains("(expires in 10 min)", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Bearer_tokens_are_masked()
    {
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        Assert.DoesNotContain(token, Redactor.Redact("sending Bearer " + token + " to LiveKit"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("password=hunter2hunter2", "hunter2hunter2")]
    [InlineData("Sip:AuthPassword: s3cr3t-value", "s3cr3t-value")]
    [InlineData("{\"apiSecret\":\"ZmFrZXNlY3JldA\"}", "ZmFrZXNlY3JldA")]
    [InlineData("DefaultEndpointsProtocol=https;AccountName=calls;AccountKey=QUJDREVGR0g=;EndpointSuffix=core.windows.net", "QUJDREVGR0g=")]
    [InlineData("GET https://calls.blob.example/c?sv=2024&sig=Zm9vYmFy%3D&se=2030", "Zm9vYmFy%3D")]
    [InlineData("GET /rtc?access_token=opaque-token-1234 HTTP/1.1", "opaque-token-1234")]
    [InlineData("LiveKit__ApiSecret=xyzxyzxyzxyz", "xyzxyzxyzxyz")]
    [InlineData("AgentEvents:SigningKey = c2lnbmluZ2tleQ", "c2lnbmluZ2tleQ")]
    [InlineData("using api_key: sk-live-1234567890abcdefghij", "sk-live-1234567890abcdefghij")]
    public void Named_credentials_are_masked_in_text_json_urls_and_connection_strings(string text, string secret)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.Mask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Unnamed_openai_style_keys_are_masked()
    {
        var key = "sk-proj-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(20));
        Assert.DoesNotContain(key, Redactor.Redact($"calling the LLM with {key}"), StringComparison.Ordinal);
    }

    [Fact]
    public void Configured_secret_values_are_masked_even_without_a_recognisable_shape()
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
        var redactor = new SecretRedactor(new RedactionOptions(), [secret, "abc", null]);
        var redacted = redactor.Redact($"the value {secret} leaked; abc stays");
        Assert.DoesNotContain(secret, redacted, StringComparison.Ordinal);
        Assert.Contains("abc stays", redacted, StringComparison.Ordinal); // shorter than the minimum: not masked
    }

    [Theory]
    [InlineData("caller +79161234567 joined", "+79161234567")]
    [InlineData("caller +7 916 123-45-67 joined", "+7 916 123-45-67")]
    [InlineData("From: <sip:+79161234567@sip.provider>;tag=1", "79161234567")]
    [InlineData("To: <sip:74951234567@10.0.0.1>", "74951234567")]
    [InlineData("transfer to tel:+14155550100", "14155550100")]
    public void Phone_numbers_are_masked_by_default(string text, string number)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(number, redacted, StringComparison.Ordinal);
        Assert.Contains(SecretRedactor.PhoneMask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Phone_numbers_are_kept_when_explicitly_allowed()
    {
        var redactor = new SecretRedactor(new RedactionOptions { IncludePhoneNumbers = true });
        Assert.Equal("caller +79161234567 joined", redactor.Redact("caller +79161234567 joined"));
    }

    [Theory]
    [InlineData("RTP seq 65535 ts 160 ssrc 305419896")]
    [InlineData("2026-11-25T14:00:00Z call lasted 123.4 s")]
    [InlineData("sip:agent@mediahost.example:5060")]
    [InlineData("tokens_used=120 is not a credential name? it is: tokens")]
    public void Ordinary_numbers_and_uris_are_not_mistaken_for_phone_numbers(string text)
    {
        var redacted = Redactor.Redact(text);
        Assert.DoesNotContain(SecretRedactor.PhoneMask, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void RedactTokens_names_the_masked_token_and_masks_other_secrets_too()
    {
        var jwt = TestJwt();
        var redacted = SecretRedactor.RedactTokens($"invalid token: {jwt}, password=hunter2hunter2");
        Assert.Equal($"invalid token: {SecretRedactor.TokenMask}, password={SecretRedactor.Mask}", redacted);
    }

    internal static string TestJwt()
    {
        static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = B64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}"u8.ToArray());
        var payload = B64(System.Text.Encoding.UTF8.GetBytes($"{{\"sub\":\"agent\",\"nonce\":\"{Guid.NewGuid()}\"}}"));
        return $"{header}.{payload}.{B64(RandomNumberGenerator.GetBytes(32))}";
    }
}
