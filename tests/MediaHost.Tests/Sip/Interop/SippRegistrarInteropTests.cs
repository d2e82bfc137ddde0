using System.Net;
using VoiceFunctions.MediaHost.Sip.Auth;
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
}
