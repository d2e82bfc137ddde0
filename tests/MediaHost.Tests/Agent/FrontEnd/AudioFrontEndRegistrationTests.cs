using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent.FrontEnd;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

public sealed class AudioFrontEndRegistrationTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddAudioFrontEnd(configuration).BuildServiceProvider();
    }

    [Fact]
    public void With_no_configuration_each_call_gets_its_own_speexdsp_front_end()
    {
        using var sp = Build([]);
        var factory = sp.GetRequiredService<Func<IAudioFrontEnd>>();
        using var first = factory();
        using var second = factory();
        Assert.IsType<SpeexFrontEnd>(Assert.IsType<MeteredFrontEnd>(first).Inner);
        Assert.NotSame(first, second);
    }

    [Fact]
    public void Switched_off_the_calls_get_the_pass_through_front_end()
    {
        using var sp = Build(new() { ["AudioFrontEnd:Enabled"] = "false" });
        using var frontEnd = sp.GetRequiredService<Func<IAudioFrontEnd>>()();
        Assert.IsType<PassThroughFrontEnd>(Assert.IsType<MeteredFrontEnd>(frontEnd).Inner);
    }

    [Fact]
    public void Settings_from_configuration_reach_the_options()
    {
        using var sp = Build(new() { ["AudioFrontEnd:EchoTailMs"] = "200", ["AudioFrontEnd:NoiseSuppressionDb"] = "15" });
        var options = sp.GetRequiredService<IOptions<AudioFrontEndOptions>>().Value;
        Assert.Equal(200, options.EchoTailMs);
        Assert.Equal(15, options.NoiseSuppressionDb);
    }

    [Fact]
    public void A_bad_setting_fails_with_its_configuration_key()
    {
        using var sp = Build(new() { ["AudioFrontEnd:EchoTailMs"] = "5000" });
        var error = Assert.Throws<OptionsValidationException>(() => sp.GetRequiredService<IOptions<AudioFrontEndOptions>>().Value);
        Assert.Contains("AudioFrontEnd:EchoTailMs", error.Message);
    }

    [Fact]
    public void Enabled_without_libspeexdsp_start_up_fails_naming_the_package()
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            new AudioFrontEndFactory(new AudioFrontEndOptions(), NullLogger.Instance, MissingLibrary));
        Assert.Contains("libspeexdsp1", error.Message);
        Assert.Contains("AudioFrontEnd:Enabled=false", error.Message);
    }

    [Fact]
    public void Disabled_without_libspeexdsp_calls_go_through_unchanged()
    {
        var factory = new AudioFrontEndFactory(new AudioFrontEndOptions { Enabled = false }, NullLogger.Instance, MissingLibrary);
        using var frontEnd = factory.Create();
        Assert.IsType<PassThroughFrontEnd>(frontEnd);
    }

    private static bool MissingLibrary(out string? reason)
    {
        reason = "libspeexdsp.so.1 could not be loaded (install Debian package libspeexdsp1)";
        return false;
    }
}
