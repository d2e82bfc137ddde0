using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Sip.Sdp;

namespace VoiceFunctions.MediaHost.Tests.Sip.Hosting;

public sealed class SipOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
    {
        Assert.True(new SipOptionsValidator(_ => null).Validate(null, new SipOptions()).Succeeded);
    }

    [Fact]
    public void TLS_needs_its_certificate_and_SRTP_needs_TLS()
    {
        var options = new SipOptions { TlsPort = 5061, MediaEncryption = MediaEncryption.Required };
        var problems = new SipOptionsValidator(_ => null).Validate(null, options).Failures!.ToList();
        Assert.Contains(problems, p => p.StartsWith("Sip:TlsPort is set but Sip:TlsCertificatePath"));

        var plain = new SipOptions { MediaEncryption = MediaEncryption.Allowed };
        var plainProblems = new SipOptionsValidator(_ => null).Validate(null, plain).Failures!.ToList();
        Assert.Contains(plainProblems, p => p.StartsWith("Sip:MediaEncryption Allowed needs Sip:TlsPort"));

        var missing = new SipOptions { TlsPort = 5061, TlsCertificatePath = "/nonexistent/sip.pfx" };
        Assert.Contains(new SipOptionsValidator(_ => null).Validate(null, missing).Failures!, p => p.Contains("does not exist"));
    }

    [Fact]
    public void Every_problem_is_listed_with_its_setting_and_no_secret_value()
    {
        var options = new SipOptions
        {
            BindAddress = "localhost-ish",
            ExternalAddress = "300.1.1.1",
            AllowedNetworks = ["10.0.0.0/8", "10.0.0.0/99"],
            InboundAuthentication = new SipAccountOptions { Username = "trunk", PasswordEnvironmentVariable = "SIP_INBOUND_PASSWORD" },
            Registration = new SipRegistrationSettings { Registrar = "provider", Domain = "", Username = "", PasswordEnvironmentVariable = "SIP_REG_PASSWORD", ExpiresSeconds = 5 },
        };
        var environment = new Dictionary<string, string?> { ["SIP_REG_PASSWORD"] = "hunter2" };
        var result = new SipOptionsValidator(name => environment.GetValueOrDefault(name)).Validate(null, options);

        Assert.False(result.Succeeded);
        var problems = result.Failures!.ToList();
        Assert.Contains(problems, p => p.StartsWith("Sip:BindAddress 'localhost-ish'"));
        Assert.Contains(problems, p => p.StartsWith("Sip:ExternalAddress '300.1.1.1'"));
        Assert.Contains(problems, p => p.StartsWith("Sip:AllowedNetworks:1:"));
        Assert.Contains(problems, p => p.Contains("'SIP_INBOUND_PASSWORD', which is not set"));
        Assert.Contains(problems, p => p.StartsWith("Sip:Registration:Registrar 'provider'"));
        Assert.Contains(problems, p => p == "Sip:Registration:Domain is required");
        Assert.Contains(problems, p => p == "Sip:Registration:Username is required");
        Assert.Contains(problems, p => p.StartsWith("Sip:Registration:ExpiresSeconds 5"));
        Assert.DoesNotContain(problems, p => p.Contains("hunter2"));
    }

    [Theory]
    [InlineData(-1, 5, "Sip:MaxCpuPercent -1 is outside 0..100")]
    [InlineData(101, 5, "Sip:MaxCpuPercent 101 is outside 0..100")]
    [InlineData(85, 0, "Sip:CpuWindowSeconds 0 is outside 1..300")]
    public void CPU_admission_settings_out_of_range_are_named(double percent, int window, string expected)
    {
        var result = new SipOptionsValidator(_ => null).Validate(null, new SipOptions { MaxCpuPercent = percent, CpuWindowSeconds = window });

        Assert.Contains(result.Failures!, p => p.StartsWith(expected, StringComparison.Ordinal));
    }
}
