using Azure.Data.Tables;
using VoiceFunctions.Functions.Timers;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Timers;

public sealed class TokenRefreshTests
{
    [SkippableFact]
    public async Task Published_mediahost_token_is_short_lived_narrowly_granted_and_readable_from_the_table()
    {
        await using var rig = await ControlPlaneRig.StartAsync();

        var published = await rig.Get<MediaHostTokenPublisher>().PublishAsync(CancellationToken.None).DefaultTimeout();
        var read = await MediaHostTokenPublisher.ReadAsync(new TableClient(Azurite.ConnectionString, rig.Table("tokens")), CancellationToken.None);

        Assert.Equal(published, read);
        Assert.Equal(TimeSpan.FromMinutes(30), read!.ExpiresAt - read.IssuedAt);
        var verified = new TokenVerifier(rig.LiveKit.Credentials, TimeProvider.System).Verify(read.Token);
        Assert.True(verified.IsValid, verified.Message);
        Assert.Equal("mediahost", verified.Claims.Identity);
        Assert.True(verified.Claims.Sip?.Call);
        Assert.Null(verified.Claims.Sip?.Admin);
        Assert.Null(verified.Claims.Video);
        Assert.DoesNotContain(read.Token, read.ToString());
        Assert.DoesNotContain(rig.LiveKit.ApiSecret, read.Token);
    }

    [SkippableFact]
    public async Task Each_refresh_replaces_the_token_with_a_fresh_one()
    {
        await using var rig = await ControlPlaneRig.StartAsync(s => s["TokenRefresh:TokenTtlMinutes"] = "15");
        var publisher = rig.Get<MediaHostTokenPublisher>();

        var first = await publisher.PublishAsync(CancellationToken.None);
        await Task.Delay(1100); // token times have one-second resolution
        var second = await publisher.PublishAsync(CancellationToken.None);

        var read = await MediaHostTokenPublisher.ReadAsync(new TableClient(Azurite.ConnectionString, rig.Table("tokens")), CancellationToken.None);
        Assert.NotEqual(first.Token, second.Token);
        Assert.Equal(second.Token, read!.Token);
        Assert.Equal(TimeSpan.FromMinutes(15), read.ExpiresAt - read.IssuedAt);
    }
}
