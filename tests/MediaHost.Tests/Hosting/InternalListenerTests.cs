using VoiceFunctions.MediaHost.Hosting;

namespace VoiceFunctions.MediaHost.Tests.Hosting;

/// <summary>The HTTP addresses the MediaHost binds: the public ones as configured, the internal one on a port of its own.</summary>
public sealed class InternalListenerTests
{
    [Theory]
    [InlineData(null, null, "http://0.0.0.0:8080;http://0.0.0.0:9090")]
    [InlineData(null, "8080", "http://*:8080;http://0.0.0.0:9090")]
    [InlineData("http://127.0.0.1:5000", "8080", "http://127.0.0.1:5000;http://0.0.0.0:9090")]
    public void The_internal_listener_is_added_to_the_public_ones(string? urls, string? httpPorts, string expected) =>
        Assert.Equal(expected, InternalListener.ListenUrls(urls, httpPorts, new InternalHttpOptions().Url));

    [Theory]
    [InlineData("http://*:9090", null)]
    [InlineData(null, "9090")]
    public void An_internal_port_shared_with_the_public_listener_stops_the_start_with_the_reason(string? urls, string? httpPorts)
    {
        var error = Assert.Throws<InvalidOperationException>(() => InternalListener.ListenUrls(urls, httpPorts, "http://0.0.0.0:9090"));
        Assert.Contains("port of their own", error.Message);
    }

    [Theory]
    [InlineData("0.0.0.0:9090")]
    [InlineData("https://0.0.0.0:9090")]
    [InlineData("http://0.0.0.0")]
    [InlineData("http://0.0.0.0:9090/metrics")]
    [InlineData("")]
    public void An_internal_url_that_is_not_http_with_a_port_is_refused_by_the_options_validation(string url)
    {
        var result = new InternalHttpOptionsValidator().Validate(null, new InternalHttpOptions { Url = url });
        Assert.True(result.Failed);
        Assert.Contains("InternalHttp:Url must be an http URL with an explicit port", result.FailureMessage);
    }
}
