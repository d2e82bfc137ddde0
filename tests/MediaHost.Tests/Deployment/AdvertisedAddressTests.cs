using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Hosting;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>Sip:ExternalAddress may be a host name (what deployments know before the address exists); it is
/// resolved at start, and a name that does not resolve stops the start naming the setting.</summary>
public sealed class AdvertisedAddressTests
{
    private static readonly SipOptionsValidator Validator = new(_ => null);

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("voicefn-media.westeurope.azurecontainer.io")]
    [InlineData("node-1.media.example.com")]
    public void External_address_may_be_an_IP_address_or_a_host_name(string external)
    {
        Assert.True(Validator.Validate(null, new SipOptions { ExternalAddress = external }).Succeeded);
    }

    [Theory]
    [InlineData("media host.example.com")]
    [InlineData("http://media.example.com")]
    [InlineData("300.1.1.1")]
    [InlineData("media.example.com:5060")]
    public void External_address_that_is_neither_is_rejected_naming_the_setting(string external)
    {
        var result = Validator.Validate(null, new SipOptions { ExternalAddress = external });
        Assert.False(result.Succeeded);
        Assert.Contains($"Sip:ExternalAddress '{external}' is neither an IP address nor a host name", result.Failures!);
    }

    [Fact]
    public void Host_name_resolves_to_its_address_at_start()
    {
        Assert.Equal(IPAddress.Loopback, AdvertisedAddressResolver.Resolve("localhost"));
    }

    [Fact]
    public void IPv4_is_advertised_when_the_name_has_both_families()
    {
        var resolved = AdvertisedAddressResolver.Resolve("media.example.com",
            _ => [IPAddress.Parse("2001:db8::7"), IPAddress.Parse("198.51.100.7")]);
        Assert.Equal(IPAddress.Parse("198.51.100.7"), resolved);
    }

    [Fact]
    public void Name_that_does_not_resolve_stops_the_start_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AdvertisedAddressResolver.Resolve("media.example.invalid",
            _ => throw new SocketException((int)SocketError.HostNotFound)));
        Assert.Contains("Sip:ExternalAddress 'media.example.invalid' did not resolve (HostNotFound)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_with_no_address_stops_the_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => AdvertisedAddressResolver.Resolve("media.example.com", _ => []));
        Assert.Contains("resolved to no address", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_check_reports_what_the_MediaHost_rejects()
    {
        // The deployment check must be able to fail: an inverted RTP range and a missing password variable.
        var problems = MediaHostSettingsCheck.Problems(new Dictionary<string, string>
        {
            ["Rtp__PortMin"] = "30000",
            ["Rtp__PortMax"] = "20000",
            ["Sip__InboundAuthentication__Username"] = "livekit",
            ["Sip__InboundAuthentication__PasswordEnvironmentVariable"] = "SIP_AUTH_PASSWORD",
        });
        Assert.Contains(problems, p => p.Contains("Rtp", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("SIP_AUTH_PASSWORD', which is not set", StringComparison.Ordinal));
    }
}
