using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>Re-registration after failures: the pause doubles per consecutive failure, is capped, honours Retry-After, and resets on success.</summary>
public sealed class SipRegistrationBackoffTests
{
    [Fact]
    public void The_pause_doubles_per_consecutive_failure_up_to_the_ceiling()
    {
        var backoff = new SipRetryBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(30), backoff.Delay(1));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Delay(2));
        Assert.Equal(TimeSpan.FromSeconds(480), backoff.Delay(5));
        Assert.Equal(TimeSpan.FromMinutes(10), backoff.Delay(6));
        Assert.Equal(TimeSpan.FromMinutes(10), backoff.Delay(1000));
    }

    [Fact]
    public void Retry_After_longer_than_the_backoff_wins_but_never_beyond_the_ceiling()
    {
        var backoff = new SipRetryBackoff(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10));

        Assert.Equal(TimeSpan.FromSeconds(120), backoff.Delay(1, TimeSpan.FromSeconds(120)));
        Assert.Equal(TimeSpan.FromSeconds(60), backoff.Delay(2, TimeSpan.FromSeconds(5)));
        Assert.Equal(TimeSpan.FromMinutes(10), backoff.Delay(1, TimeSpan.FromDays(3)));
    }

    [Fact]
    public void Failed_registrations_are_retried_with_growing_pauses_and_a_success_resets_them()
    {
        using var bed = new SipTestBed();
        using var registration = new SipRegistration(bed.Agent, bed.Transport, new SipRegistrationOptions(
            SipTestBed.PeerEndpoint, "provider.example", new DigestCredentials("line1", "pw"), TimeSpan.FromSeconds(120),
            RetryAfterFailure: TimeSpan.FromSeconds(10), MaxRetryAfterFailure: TimeSpan.FromSeconds(35)));
        registration.Start();

        foreach (var expectedPause in new[] { 10, 20, 35, 35 })
        {
            var attempt = bed.Peer.Requests("REGISTER").Last();
            var count = bed.Peer.Requests("REGISTER").Count();
            bed.Peer.Send(SipResponseBuilder.Create(attempt, 503, "Service Unavailable", "reg"));
            Assert.Equal(TimeSpan.FromSeconds(expectedPause), registration.LastRetryDelay);
            bed.Time.Advance(TimeSpan.FromSeconds(expectedPause) - TimeSpan.FromMilliseconds(1));
            Assert.Equal(count, bed.Peer.Requests("REGISTER").Count()); // not a moment early
            bed.Time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal(count + 1, bed.Peer.Requests("REGISTER").Count());
        }
        Assert.Equal(4, registration.ConsecutiveFailures);

        var retry = bed.Peer.Requests("REGISTER").Last();
        var ok = SipResponseBuilder.Create(retry, 200, "OK", "reg");
        ok.Headers.Add("Expires", "120");
        bed.Peer.Send(ok);
        Assert.True(registration.IsRegistered);
        Assert.Equal(0, registration.ConsecutiveFailures);

        bed.Time.Advance(TimeSpan.FromSeconds(90)); // the refresh, 30 s before expiry
        bed.Peer.Send(SipResponseBuilder.Create(bed.Peer.Requests("REGISTER").Last(), 503, "Service Unavailable", "reg"));
        Assert.Equal(TimeSpan.FromSeconds(10), registration.LastRetryDelay); // back to the first pause
    }

    [Fact]
    public void A_503_with_Retry_After_postpones_the_next_attempt_accordingly()
    {
        using var bed = new SipTestBed();
        using var registration = new SipRegistration(bed.Agent, bed.Transport, new SipRegistrationOptions(
            SipTestBed.PeerEndpoint, "provider.example", new DigestCredentials("line1", "pw"), RetryAfterFailure: TimeSpan.FromSeconds(10)));
        registration.Start();

        var refused = SipResponseBuilder.Create(bed.Peer.Requests("REGISTER").Last(), 503, "Service Unavailable", "reg");
        refused.Headers.Add("Retry-After", "90 (maintenance);duration=600");
        bed.Peer.Send(refused);

        Assert.Equal(TimeSpan.FromSeconds(90), registration.LastRetryDelay);
        bed.Time.Advance(TimeSpan.FromSeconds(89));
        Assert.Single(bed.Peer.Requests("REGISTER"));
        bed.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, bed.Peer.Requests("REGISTER").Count());
    }
}
