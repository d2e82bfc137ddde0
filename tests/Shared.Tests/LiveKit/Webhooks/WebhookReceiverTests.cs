using System.Text;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;

namespace VoiceFunctions.Shared.Tests.LiveKit.Webhooks;

public sealed class WebhookReceiverTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private readonly LiveKitCredentials _credentials = new("APIwebhook", TestJwt.NewSecret());
    private readonly byte[] _body = WebhookSamples.Read("participant_joined");

    private WebhookReceiver Receiver(WebhookReceiverOptions? options = null) => new(_credentials, _time, options);

    private string Sign(byte[] body, LiveKitCredentials? credentials = null) =>
        new WebhookSigner(credentials ?? _credentials, _time).Sign(body);

    [Fact]
    public void Webhook_signed_with_our_key_is_accepted_and_parsed()
    {
        var result = Receiver().Receive(_body, Sign(_body));

        Assert.True(result.IsValid, result.ToString());
        Assert.Equal(200, result.HttpStatus);
        Assert.Equal(WebhookEventType.ParticipantJoined, result.Event.Type);
        Assert.Equal(_body, result.Event.RawJson.ToArray());
    }

    [Fact]
    public void Signer_writes_a_bare_jwt_valid_five_minutes_with_the_standard_base64_body_hash()
    {
        var body = Encoding.UTF8.GetBytes("""{"event":"room_started"}""");

        var jwt = new WebhookSigner(_credentials, _time).Sign(body);

        Assert.False(jwt.StartsWith("Bearer", StringComparison.Ordinal));
        var payload = TestJwt.Payload(jwt);
        Assert.Equal("w9NV0uLHjSON8P7eonnkKXDHY4ICORefbHDCviKIgX8=", payload.GetProperty("sha256").GetString());
        Assert.Equal(300, payload.GetProperty("exp").GetInt64() - payload.GetProperty("nbf").GetInt64());
        Assert.Equal(_credentials.ApiKey, payload.GetProperty("iss").GetString());
    }

    [Fact]
    public void Bearer_prefix_is_tolerated_although_LiveKit_never_sends_it()
    {
        Assert.True(Receiver().Receive(_body, "Bearer " + Sign(_body)).IsValid);
    }

    [Fact]
    public void Webhook_signed_with_a_previous_key_is_accepted_during_rotation()
    {
        var previous = new LiveKitCredentials("APIold", TestJwt.NewSecret());
        var receiver = new WebhookReceiver(
            new Dictionary<string, string> { [_credentials.ApiKey] = _credentials.ApiSecret, [previous.ApiKey] = previous.ApiSecret },
            _time);

        Assert.True(receiver.Receive(_body, Sign(_body, previous)).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Bearer ")]
    public void Webhook_without_authorization_is_rejected_as_missing_authorization(string? header)
    {
        AssertRefused(Receiver().Receive(_body, header), WebhookError.MissingAuthorization, 401);
    }

    [Fact]
    public void Webhook_with_tampered_body_is_rejected_as_hash_mismatch()
    {
        var header = Sign(_body);
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(_body).Replace("+15550100", "+15559999"));

        AssertRefused(Receiver().Receive(tampered, header), WebhookError.HashMismatch, 401, header);
    }

    [Fact]
    public void Webhook_with_one_byte_appended_is_rejected_as_hash_mismatch()
    {
        var header = Sign(_body);

        AssertRefused(Receiver().Receive([.. _body, (byte)' '], header), WebhookError.HashMismatch, 401, header);
    }

    [Fact]
    public void Access_token_without_sha256_claim_is_rejected_as_hash_mismatch()
    {
        var header = new AccessTokenBuilder(_credentials, _time).WithTtl(TimeSpan.FromMinutes(5)).ToJwt();

        AssertRefused(Receiver().Receive(_body, header), WebhookError.HashMismatch, 401, header);
    }

    [Fact]
    public void Hash_in_the_url_safe_alphabet_is_not_LiveKits_and_is_rejected()
    {
        var body = Encoding.UTF8.GetBytes("""{"event":"room_started"}""");
        var urlSafe = BodyHash.Compute(body).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var header = new AccessTokenBuilder(_credentials, _time).WithTtl(TimeSpan.FromMinutes(5)).WithSha256(urlSafe).ToJwt();

        AssertRefused(Receiver().Receive(body, header), WebhookError.HashMismatch, 401, header);
    }

    [Fact]
    public void Webhook_signed_by_an_unknown_key_is_rejected_as_unknown_api_key()
    {
        var header = Sign(_body, new LiveKitCredentials("APIstranger", TestJwt.NewSecret()));

        AssertRefused(Receiver().Receive(_body, header), WebhookError.UnknownApiKey, 401, header);
    }

    [Fact]
    public void Webhook_signed_with_the_wrong_secret_is_rejected_as_invalid_signature()
    {
        var header = Sign(_body, new LiveKitCredentials(_credentials.ApiKey, TestJwt.NewSecret()));

        var result = Receiver().Receive(_body, header);

        AssertRefused(result, WebhookError.InvalidSignature, 401, header);
        Assert.Equal(TokenError.BadSignature, result.TokenError);
    }

    [Fact]
    public void Webhook_with_garbage_authorization_is_rejected_as_invalid_signature()
    {
        AssertRefused(Receiver().Receive(_body, "not-a-jwt"), WebhookError.InvalidSignature, 401);
    }

    [Fact]
    public void Webhook_with_alg_none_is_rejected_as_invalid_signature()
    {
        var hash = BodyHash.Compute(_body);
        var header = TestJwt.Encode("""{"alg":"none"}""") + "."
            + TestJwt.Encode($$"""{"iss":"{{_credentials.ApiKey}}","exp":9999999999,"sha256":"{{hash}}"}""") + ".x";

        AssertRefused(Receiver().Receive(_body, header), WebhookError.InvalidSignature, 401, header);
    }

    [Fact]
    public void Webhook_delivered_after_its_token_expired_is_rejected_as_expired()
    {
        var header = Sign(_body);
        _time.Advance(WebhookSigner.TokenTtl + TimeSpan.FromSeconds(61));

        AssertRefused(Receiver().Receive(_body, header), WebhookError.Expired, 401, header);
    }

    [Fact]
    public void Webhook_delivered_within_the_default_60_second_leeway_is_accepted()
    {
        var header = Sign(_body);
        _time.Advance(WebhookSigner.TokenTtl + TimeSpan.FromSeconds(60));

        Assert.True(Receiver().Receive(_body, header).IsValid);
    }

    [Fact]
    public void Body_over_the_limit_is_rejected_as_too_large_before_any_auth_check()
    {
        var receiver = Receiver(new WebhookReceiverOptions { MaxBodyBytes = _body.Length - 1 });

        AssertRefused(receiver.Receive(_body, Sign(_body)), WebhookError.BodyTooLarge, 413);
        AssertRefused(receiver.Receive(_body, null), WebhookError.BodyTooLarge, 413);
    }

    [Fact]
    public void Body_exactly_at_the_limit_is_accepted()
    {
        var receiver = Receiver(new WebhookReceiverOptions { MaxBodyBytes = _body.Length });

        Assert.True(receiver.Receive(_body, Sign(_body)).IsValid);
    }

    [Fact]
    public void Default_limit_is_one_mebibyte()
    {
        Assert.Equal(1024 * 1024, Receiver().MaxBodyBytes);
        var big = Encoding.UTF8.GetBytes("{\"event\":\"room_started\",\"pad\":\"" + new string('x', 1024 * 1024) + "\"}");
        AssertRefused(Receiver().Receive(big, Sign(big)), WebhookError.BodyTooLarge, 413);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{\"event\":\"room_started\"")]
    [InlineData("{\"event\":\"room_started\",}")]
    [InlineData("{\"event\":\"room_started\",\"room\":5,oops}")]
    public void Signed_body_that_is_not_JSON_is_rejected_as_bad_request(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        AssertRefused(Receiver().Receive(body, Sign(body)), WebhookError.NotJson, 400);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("\"room_started\"")]
    [InlineData("{}")]
    [InlineData("{\"event\":\"\"}")]
    [InlineData("{\"event\":42}")]
    [InlineData("{\"event\":\"room_started\",\"room\":5}")]
    [InlineData("{\"event\":\"room_started\",\"createdAt\":\"yesterday\"}")]
    [InlineData("{\"event\":\"room_started\",\"createdAt\":true}")]
    [InlineData("{\"event\":\"participant_joined\",\"participant\":{\"attributes\":{\"a\":1}}}")]
    [InlineData("{\"event\":\"participant_joined\",\"participant\":{\"kind\":{}}}")]
    [InlineData("{\"event\":\"participant_joined\",\"participant\":{\"tracks\":{}}}")]
    [InlineData("{\"event\":\"track_published\",\"track\":{\"muted\":\"yes\"}}")]
    [InlineData("{\"event\":\"egress_ended\",\"egressInfo\":{\"startedAt\":1.5}}")]
    [InlineData("{\"event\":\"ingress_ended\",\"ingressInfo\":{\"state\":[]}}")]
    public void Signed_JSON_that_is_not_a_webhook_event_is_rejected_as_wrong_shape(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        AssertRefused(Receiver().Receive(body, Sign(body)), WebhookError.WrongShape, 400);
    }

    [Theory]
    [InlineData(new byte[] { 0x7B, 0x22, 0x65, 0x76, 0x65, 0x6E, 0x74, 0x22, 0x3A, 0x22, 0xC3, 0x28, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0x65, 0x76, 0x65, 0x6E, 0x74, 0x22, 0x3A, 0x22, 0x72, 0x22, 0x2C, 0x22, 0x69, 0x64, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D })]
    [InlineData(new byte[] { 0x7B, 0x22, 0xFE, 0x22, 0x3A, 0x31, 0x2C, 0x22, 0x65, 0x76, 0x65, 0x6E, 0x74, 0x22, 0x3A, 0x22, 0x72, 0x22, 0x7D })]
    public void Signed_body_with_invalid_UTF8_is_rejected_as_not_JSON(byte[] body)
    {
        AssertRefused(Receiver().Receive(body, Sign(body)), WebhookError.NotJson, 400);
    }

    [Theory]
    [InlineData("{\"event\":\"\\uD800\"}")]
    [InlineData("{\"event\":\"room_started\",\"id\":\"\\uDC00x\"}")]
    [InlineData("{\"\\uD800\":1,\"event\":\"room_started\"}")]
    [InlineData("{\"event\":\"participant_joined\",\"participant\":{\"attributes\":{\"\\uD800\":\"x\"}}}")]
    public void Signed_body_with_a_lone_surrogate_escape_is_rejected_as_not_JSON(string text)
    {
        var body = Encoding.UTF8.GetBytes(text);

        AssertRefused(Receiver().Receive(body, Sign(body)), WebhookError.NotJson, 400);
    }

    [Fact]
    public void Wrong_shape_message_names_the_field_but_not_its_value()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"room_started\",\"room\":{\"name\":[\"secret-value\"]}}");

        var result = Receiver().Receive(body, Sign(body));

        Assert.Contains("room.name", result.Message);
        Assert.DoesNotContain("secret-value", result.Message);
    }

    private void AssertRefused(WebhookReceiveResult result, WebhookError error, int status, string? header = null)
    {
        Assert.False(result.IsValid);
        Assert.Equal(error, result.Error);
        Assert.Equal(status, result.HttpStatus);
        Assert.Equal(status, error.ToHttpStatus());
        Assert.DoesNotContain(_credentials.ApiSecret, result.Message);
        if (header is not null)
        {
            Assert.DoesNotContain(header, result.Message);
        }
    }
}
