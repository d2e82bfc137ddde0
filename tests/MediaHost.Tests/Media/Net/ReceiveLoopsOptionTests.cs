using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;

namespace VoiceFunctions.MediaHost.Tests.Media.Net;

/// <summary>Rtp:ReceiveLoops picks how the host reads RTP: one epoll loop per core by default, a thread per socket with -1.</summary>
public sealed class ReceiveLoopsOptionTests
{
    [SkippableTheory]
    [InlineData("-1", 0)]   // a thread per socket: no loops
    [InlineData("3", 3)]
    public void The_host_starts_the_receive_loops_the_setting_asks_for(string? setting, int expectedLoops)
    {
        Skip.IfNot(OperatingSystem.IsLinux() || expectedLoops == 0, "epoll loops are Linux only");
        using var provider = Host(setting);

        var loops = provider.GetRequiredService<DatagramReceiveLoops>();

        Assert.Equal(expectedLoops, loops.LoopCount);
    }

    [SkippableTheory]
    [InlineData(null)]
    [InlineData("0")]
    public void By_default_and_with_zero_the_host_runs_one_loop_per_core(string? setting)
    {
        Skip.IfNot(OperatingSystem.IsLinux());
        using var provider = Host(setting);

        Assert.Equal(Environment.ProcessorCount, provider.GetRequiredService<DatagramReceiveLoops>().LoopCount);
    }

    [Fact]
    public void A_receive_loop_count_below_minus_one_is_refused_with_the_setting_named()
    {
        using var provider = Host("-2");

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RtpOptions>>().Value);
        Assert.Contains(nameof(RtpOptions.ReceiveLoops), error.Message);
    }

    private static ServiceProvider Host(string? receiveLoops)
    {
        var settings = new Dictionary<string, string?>();
        if (receiveLoops is not null)
        {
            settings["Rtp:ReceiveLoops"] = receiveLoops;
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddRtpMedia(configuration, _ => IPAddress.Loopback);
        return services.BuildServiceProvider();
    }
}
