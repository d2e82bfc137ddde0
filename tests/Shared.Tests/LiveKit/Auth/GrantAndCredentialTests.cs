using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Shared.Tests.LiveKit.Auth;

public sealed class GrantAndCredentialTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Credentials_ToString_shows_the_key_but_never_the_secret()
    {
        var secret = TestJwt.NewSecret();
        var credentials = new LiveKitCredentials("APIkey", secret);

        Assert.Contains("APIkey", credentials.ToString());
        Assert.DoesNotContain(secret, credentials.ToString());
        Assert.DoesNotContain(secret, $"{new { credentials }}");
    }

    [Fact]
    public void Credentials_refuse_empty_key_or_secret()
    {
        Assert.Throws<ArgumentException>(() => new LiveKitCredentials("", "s"));
        Assert.Throws<ArgumentException>(() => new LiveKitCredentials("k", ""));
    }

    [Fact]
    public void Absent_publish_and_subscribe_default_to_allowed_like_the_server()
    {
        var grant = new VideoGrant();

        Assert.True(grant.EffectiveCanPublish);
        Assert.True(grant.EffectiveCanSubscribe);
        Assert.True(grant.EffectiveCanPublishData);
    }

    [Fact]
    public void Absent_publish_data_follows_can_publish()
    {
        Assert.False(new VideoGrant { CanPublish = false }.EffectiveCanPublishData);
        Assert.True(new VideoGrant { CanPublish = false, CanPublishData = true }.EffectiveCanPublishData);
        Assert.False(new VideoGrant { CanPublish = true, CanPublishData = false }.EffectiveCanPublishData);
        Assert.False(new VideoGrant { CanSubscribe = false }.EffectiveCanSubscribe);
    }

    [Fact]
    public void Participant_preset_joins_one_room_with_publish_subscribe_data_and_metadata_for_ten_minutes()
    {
        var credentials = new LiveKitCredentials("APIkey", TestJwt.NewSecret());
        var jwt = TokenPresets.Participant(credentials, _time, "call-42", "caller").ToJwt();

        var claims = new TokenVerifier(credentials, _time).Verify(jwt).Claims!;

        Assert.Equal("caller", claims.Identity);
        var video = claims.Video!;
        Assert.True(video.RoomJoin);
        Assert.Equal("call-42", video.Room);
        Assert.True(video.CanPublish);
        Assert.True(video.CanSubscribe);
        Assert.True(video.CanPublishData);
        Assert.True(video.CanUpdateOwnMetadata);
        Assert.Null(video.RoomAdmin);
        Assert.Null(video.RoomCreate);
        Assert.Equal(TimeSpan.FromMinutes(10), claims.ExpiresAt - claims.NotBefore);
    }

    [Fact]
    public void Admin_preset_grants_room_administration_for_one_hour()
    {
        var credentials = new LiveKitCredentials("APIkey", TestJwt.NewSecret());
        var jwt = TokenPresets.Admin(credentials, _time, "call-42").ToJwt();

        var claims = new TokenVerifier(credentials, _time).Verify(jwt).Claims!;

        var video = claims.Video!;
        Assert.True(video.RoomCreate);
        Assert.True(video.RoomList);
        Assert.True(video.RoomAdmin);
        Assert.True(video.RoomRecord);
        Assert.True(video.IngressAdmin);
        Assert.Equal("call-42", video.Room);
        Assert.Null(video.RoomJoin);
        Assert.Null(claims.Identity);
        Assert.Equal(TimeSpan.FromHours(1), claims.ExpiresAt - claims.NotBefore);
    }

    [Fact]
    public void Sip_presets_grant_admin_or_call_only()
    {
        var credentials = new LiveKitCredentials("APIkey", TestJwt.NewSecret());
        var verifier = new TokenVerifier(credentials, _time);

        var admin = verifier.Verify(TokenPresets.SipAdmin(credentials, _time).ToJwt()).Claims!;
        var call = verifier.Verify(TokenPresets.SipCall(credentials, _time).ToJwt()).Claims!;

        Assert.True(admin.Sip!.Admin);
        Assert.Null(admin.Sip.Call);
        Assert.Null(admin.Video);
        Assert.True(call.Sip!.Call);
        Assert.Null(call.Sip.Admin);
        Assert.Null(call.Video);
    }
}
