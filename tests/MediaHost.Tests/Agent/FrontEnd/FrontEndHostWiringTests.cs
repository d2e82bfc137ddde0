using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Hosting;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

public sealed class FrontEndHostWiringTests
{
    [Fact]
    public void The_agents_calls_get_the_speexdsp_front_end_by_default()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([]).Build();
        using var sp = new ServiceCollection().AddLogging().AddMediaHost(configuration).BuildServiceProvider();

        var factory = sp.GetRequiredService<AgentDependencies>().AudioFrontEndFactory;

        Assert.NotNull(factory);
        using var frontEnd = factory();
        Assert.IsType<SpeexFrontEnd>(Assert.IsType<MeteredFrontEnd>(frontEnd).Inner);
    }
}
