using VoiceFunctions.MediaHost.Tests.Image;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

/// <summary>The front-end is on by default, so every place the MediaHost runs must have libspeexdsp1.</summary>
public sealed class FrontEndPackagingTests
{
    [Fact]
    public void The_runtime_image_installs_libspeexdsp1()
    {
        var dockerfile = Dockerfile.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "MediaHost", "Dockerfile")));
        var install = string.Join(' ', dockerfile.Final.All("RUN").Select(r => r.Arguments).Where(a => a.Contains("apt-get install", StringComparison.Ordinal)));
        Assert.Contains("libspeexdsp1", install.Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void The_test_machine_setup_installs_libspeexdsp1()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "scripts", "install-test-deps.sh"));
        Assert.Contains("missing+=(libspeexdsp1)", script);
    }
}
