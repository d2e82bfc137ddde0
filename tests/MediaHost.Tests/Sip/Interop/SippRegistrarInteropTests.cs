using System.Net;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>Our REGISTER client against sipp as a registrar that challenges (401/407, MD5/SHA-256) and verifies the digest.</summary>
[Trait("Category", "Interop")]
public sealed class SippRegistrarInteropTests
{
    [SkippableTheory]
    [InlineData("uas-registrar-401-md5.xml")]
    [InlineData("uas-registrar-401-sha256.xml")]
    [InlineData("uas-registrar-407-md5.xml")]
    [InlineData("uas-registrar-407-sha256.xml")]
    public async Task Registration_answers_the_registrars_challenge_and_refreshes(string scenario)
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start(scenario, target: null);
        using var registration = new SipRegistration(server.Agent, server.Transport, new SipRegistrationOptions(
            new IPEndPoint(IPAddress.Loopback, sipp.Port), "sipp.test", new DigestCredentials("line1", "s3cret"), TimeSpan.FromSeconds(60)));
        registration.Start();

        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp {scenario} failed:\n{output}");
        Assert.True(registration.Successes >= 2, $"registrations: {registration.Successes}, last failure: {registration.LastFailure}\n{output}");
        Assert.Null(registration.LastFailure);
    }

    [SkippableFact]
    public async Task A_refresh_refused_503_is_retried_after_the_registrars_Retry_After_and_registration_recovers()
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var sipp = Sipp.Start("uas-registrar-503-recovery.xml", target: null);
        using var registration = new SipRegistration(server.Agent, server.Transport, new SipRegistrationOptions(
            new IPEndPoint(IPAddress.Loopback, sipp.Port), "sipp.test", new DigestCredentials("line1", "s3cret"), TimeSpan.FromSeconds(60),
            RetryAfterFailure: TimeSpan.FromMilliseconds(200)));
        registration.Start();

        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp failed:\n{output}");
        await WaitUntilAsync(() => registration.Successes >= 2);
        Assert.Equal(1, registration.Failures);
        Assert.Equal(TimeSpan.FromSeconds(1), registration.LastRetryDelay); // Retry-After: 1 beats our 200 ms first pause
        Assert.True(registration.IsRegistered);
        Assert.Equal(TimeSpan.FromSeconds(60), registration.GrantedExpiry);
    }

    [SkippableFact]
    public async Task A_refresh_the_registrar_never_answers_times_out_and_registration_recovers_after_the_pause()
    {
        // Short T1 so Timer F (64*T1) gives up on the unanswered REGISTER in 3.2 s instead of 32 s.
        var timers = new SipTimerSettings(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(500));
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold(), timers);
        using var sipp = Sipp.Start("uas-registrar-silent-recovery.xml", target: null);
        using var registration = new SipRegistration(server.Agent, server.Transport, new SipRegistrationOptions(
            new IPEndPoint(IPAddress.Loopback, sipp.Port), "sipp.test", new DigestCredentials("line1", "s3cret"), TimeSpan.FromSeconds(60),
            RetryAfterFailure: TimeSpan.FromMilliseconds(200)));
        registration.Start();

        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp failed:\n{output}");
        await WaitUntilAsync(() => registration.Successes >= 2);
        Assert.Equal(1, registration.Failures);
        Assert.Equal(TimeSpan.FromMilliseconds(200), registration.LastRetryDelay);
        Assert.True(registration.IsRegistered);
    }

    /// <summary>sipp exits right after sending its last 200; our side reads it a moment later.</summary>
    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
        Assert.True(condition());
    }
}
