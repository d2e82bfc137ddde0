using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

public sealed class LiveKitUrlAndOptionsTests
{
    [Theory]
    [InlineData("ws://127.0.0.1:7880", "http://127.0.0.1:7880/")]
    [InlineData("wss://lk.example.com", "https://lk.example.com/")]
    [InlineData("wss://lk.example.com:8443/some/path?x=1", "https://lk.example.com:8443/")]
    [InlineData("https://lk.example.com/", "https://lk.example.com/")]
    [InlineData("http://[::1]:7880", "http://[::1]:7880/")]
    public void Websocket_urls_become_http_and_any_path_is_dropped(string url, string expected) =>
        Assert.Equal(expected, LiveKitUrl.ToHttpBase(url).ToString());

    [Theory]
    [InlineData("ftp://lk.example.com")]
    [InlineData("lk.example.com:7880")]
    [InlineData("")]
    public void A_url_that_is_not_http_or_ws_is_refused(string url) =>
        Assert.False(LiveKitUrl.TryToHttpBase(url, out _));

    [Fact]
    public void The_method_url_is_the_twirp_path_under_the_base() =>
        Assert.Equal("https://lk.example.com/twirp/livekit.SIP/CreateSIPParticipant",
            LiveKitUrl.MethodUri(LiveKitUrl.ToHttpBase("wss://lk.example.com/ignored"), LiveKitApiMethods.CreateSipParticipant).ToString());

    [Fact]
    public async Task A_client_given_the_ws_url_calls_the_http_endpoint()
    {
        await using var api = await ApiHarness.StartAsync(useWebSocketUrl: true);

        await api.Rooms.ListRoomsAsync().DefaultTimeout();

        Assert.Equal("/twirp/livekit.RoomService/ListRooms", Assert.Single(api.Server.Requests).Path);
    }

    [Fact]
    public void Options_default_to_five_attempts_one_second_backoff_ten_second_attempts_and_ten_minute_tokens()
    {
        var options = new LiveKitApiOptions();

        Assert.Equal((5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(10)),
            (options.Resilience.MaxAttempts, options.Resilience.BaseDelay, options.Resilience.AttemptTimeout, options.TokenTtl));
    }

    [Fact]
    public void Every_invalid_option_is_reported_when_the_clients_are_built()
    {
        var services = new ServiceCollection();
        services.AddLiveKitApi(o =>
        {
            o.Url = "ftp://lk";
            o.ApiKey = "";
            o.ApiSecret = "<livekit-api-secret>";
            o.Resilience.MaxAttempts = 0;
            o.Resilience.AttemptTimeout = TimeSpan.Zero;
        });
        using var provider = services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<RoomServiceClient>());

        var text = string.Join("\n", error.Failures);
        Assert.Contains("ApiKey", text);
        Assert.Contains("'ftp://lk' must be an absolute http, https, ws or wss URL", text);
        Assert.Contains("Resilience: The field MaxAttempts", text);
        Assert.Contains("Resilience: The field AttemptTimeout", text);
        Assert.DoesNotContain("<livekit-api-secret>", text);
    }

    [Fact]
    public void Options_bind_from_a_configuration_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LiveKit:Url"] = "wss://lk.example.com",
            ["LiveKit:ApiKey"] = "APIkey",
            ["LiveKit:ApiSecret"] = "<livekit-api-secret>",
            ["LiveKit:Resilience:MaxAttempts"] = "3",
            ["LiveKit:Resilience:AttemptTimeout"] = "00:00:04",
        }).Build();
        var services = new ServiceCollection();
        services.AddLiveKitApi(configuration.GetSection("LiveKit"));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LiveKitApiOptions>>().Value;

        Assert.Equal(("wss://lk.example.com", 3, TimeSpan.FromSeconds(4)), (options.Url, options.Resilience.MaxAttempts, options.Resilience.AttemptTimeout));
        Assert.Equal("https://lk.example.com/", provider.GetRequiredService<LiveKitTwirpTransport>().BaseUri.ToString());
    }

    [Fact]
    public void Options_ToString_hides_the_secret()
    {
        var options = new LiveKitApiOptions { Url = "wss://lk", ApiKey = "APIkey", ApiSecret = "s3cr3t-value" };

        Assert.DoesNotContain("s3cr3t-value", options.ToString());
        Assert.Contains("APIkey", options.ToString());
    }
}
