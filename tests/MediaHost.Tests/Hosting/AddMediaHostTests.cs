using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Recording;

namespace VoiceFunctions.MediaHost.Tests.Hosting;

public sealed class AddMediaHostTests
{
    private const string Secret = "<placeholder-secret-of-at-least-32-chars>";

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddMediaHost(configuration).BuildServiceProvider();
    }

    private static Dictionary<string, string?> Reporting(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["ControlPlane:BaseUrl"] = "http://127.0.0.1:9", ["AgentEvents:Secret"] = Secret };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }
        return settings;
    }

    [Theory]
    [InlineData("true", typeof(VoiceAgentCallHandler))]
    [InlineData("false", typeof(EchoAnsweringHandler))]
    public void The_option_chooses_the_call_handler(string agentEnabled, Type expected)
    {
        using var sp = Build(new() { ["AiLoop:Enabled"] = agentEnabled });
        Assert.IsType(expected, Assert.Single(sp.GetServices<ICallHandler>()));
        Assert.IsType<NullTurnReporter>(sp.GetRequiredService<ITurnReporter>());
    }

    [Theory]
    [InlineData("true")]
    [InlineData("false")]
    public void With_a_control_plane_the_chosen_handler_is_decorated_with_reporting_inside_outbound_detection(string agentEnabled)
    {
        using var sp = Build(Reporting(new() { ["AiLoop:Enabled"] = agentEnabled }));
        // Detection sits outside the reporting, so the answer is reported with its verdict.
        var detection = Assert.IsType<LiveKitAmdCallHandler>(Assert.Single(sp.GetServices<ICallHandler>()));
        Assert.IsType<ReportingCallHandler>(detection.Inner);
        Assert.IsType<CallEventReporter>(sp.GetRequiredService<ITurnReporter>());
    }

    [Fact]
    public async Task The_media_path_is_the_rtp_one()
    {
        await using var sp = Build([]); // the media clock disposes asynchronously
        Assert.IsType<RtpMediaSessionFactory>(Assert.Single(sp.GetServices<IMediaSessionFactory>()));
    }

    [Theory]
    [InlineData("Sip:UdpPort", "70000", "UdpPort")]
    [InlineData("Sip:BindAddress", "not-an-address", "Sip:BindAddress 'not-an-address' is not an IP address")]
    [InlineData("Rtp:PortMin", "30000", "Rtp:PortMin (30000) must be below Rtp:PortMax")]
    [InlineData("Rtp:ClockPhases", "0", "ClockPhases")]
    [InlineData("AiLoop:Language", "de-DE", "Language must be ru-RU or en-US")]
    [InlineData("AiLoop:Vad:ThresholdDb", "1", "AiLoop:Vad:ThresholdDb")]
    public void Every_options_class_is_validated_at_start_naming_the_setting(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?> { [key] = value };
        if (key == "Rtp:PortMin")
        {
            settings["Rtp:PortMax"] = "20000";
        }
        using var sp = Build(settings);
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("ControlPlane:BaseUrl", "ftp://control.example", "ControlPlane:BaseUrl must be an absolute http(s) URL")]
    [InlineData("AgentEvents:Secret", "short-<placeholder>", "AgentEvents:Secret must be at least 32 characters")]
    [InlineData("ControlPlane:MaxAttempts", "0", "MaxAttempts")]
    public void Bad_control_plane_settings_fail_at_start_without_showing_the_secret(string key, string value, string expected)
    {
        using var sp = Build(Reporting(new() { [key] = value }));
        var e = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain(Secret, e.Message);
        Assert.DoesNotContain("short-<placeholder>", e.Message);
    }

    [Fact]
    public void Without_a_control_plane_url_no_reporting_is_registered_and_its_settings_are_not_checked()
    {
        using var sp = Build(new() { ["AgentEvents:Secret"] = "short" });
        sp.GetRequiredService<IStartupValidator>().Validate();
        Assert.Null(sp.GetService<CallEventReporter>());
    }

    [Theory]
    [InlineData("", typeof(OptionsRecordingPolicy))]
    [InlineData("/etc/voicefunctions/voice.yaml", typeof(ProfileRecordingPolicy))]
    public void With_agent_profiles_each_numbers_agent_decides_what_is_recorded(string profilesPath, Type expected)
    {
        using var sp = Build(Reporting(new() { ["AiLoop:Enabled"] = "true", ["Recording:Enabled"] = "true", ["AgentProfiles:Path"] = profilesPath }));
        Assert.IsType(expected, sp.GetRequiredService<IRecordingPolicy>());
    }
}
