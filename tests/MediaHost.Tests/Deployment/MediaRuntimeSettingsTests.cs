using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// The runtime settings the media path was measured with (bench/results/media.md) are the MediaHost's own: they live
/// in its runtimeconfig.json, which the image publishes, nothing the deployment sets overrides them, and the
/// capacity bench runs with them.
/// </summary>
public sealed partial class MediaRuntimeSettingsTests
{
    // Copied next to the tests as the runtime config of the referenced MediaHost executable.
    private static readonly JsonNode Config = JsonNode.Parse(File.ReadAllText(
        Path.Combine(AppContext.BaseDirectory, "VoiceFunctions.MediaHost.runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]!;

    [Fact]
    public void MediaHost_compiles_each_method_once_fully_optimised()
    {
        // With tiered compilation the hot media methods were recompiled (instrumented, then tier 1) while 1,000
        // calls streamed: 588-1,240 methods and seconds of JIT inside a capacity window, none without it.
        Assert.False(Config["System.Runtime.TieredCompilation"]?.GetValue<bool>() ?? true);
    }

    [Fact]
    public void MediaHost_uses_the_workstation_collector_it_was_measured_with()
    {
        // The Web SDK defaults to the server collector; the image used to override it with DOTNET_gcServer=0.
        Assert.False(Config["System.GC.Server"]?.GetValue<bool>() ?? false);
    }

    [Theory]
    [InlineData("MediaHost/Dockerfile")]
    [InlineData("deploy/aks/mediahost.yaml")]
    [InlineData("infra/mediahost.bicep")]
    [InlineData("infra/mediahost-aks.bicep")]
    [InlineData("infra.bicep")]
    public void Deployment_does_not_override_the_runtime_settings(string file)
    {
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, file));
        Assert.DoesNotMatch(RuntimeOverride(), text);
    }

    [Fact]
    public void Capacity_bench_runs_with_the_MediaHost_runtime_settings()
    {
        var script = File.ReadAllText(Path.Combine(RepoPaths.Root, "bench", "media-capacity.sh"));
        Assert.Contains("VoiceFunctions.MediaHost.runtimeconfig.json", script, StringComparison.Ordinal);
        foreach (var property in new[] { "System.Runtime.TieredCompilation", "System.Runtime.TieredPGO", "System.GC.Server" })
        {
            Assert.Contains($"\"{property}\"", script, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"DOTNET_(Tiered|TC_|ReadyToRun|gcServer|gcConcurrent)", RegexOptions.IgnoreCase)]
    private static partial Regex RuntimeOverride();
}
