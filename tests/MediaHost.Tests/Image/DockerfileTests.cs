using System.Text.RegularExpressions;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Image;

/// <summary>
/// The MediaHost image definition checked without docker (which cannot run here): its stages, user, packages,
/// ports and health check agree with the MediaHost's own constants and with the deployment template.
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string DockerfilePath = Path.Combine(RepoPaths.Root, "MediaHost", "Dockerfile");
    private readonly Dockerfile _dockerfile = Dockerfile.Parse(File.ReadAllText(DockerfilePath));

    [Fact]
    public void Image_builds_with_the_dotnet_10_sdk_and_runs_from_a_separate_runtime_stage()
    {
        Assert.True(_dockerfile.Stages.Count >= 2, "the image must be multi-stage");
        var build = _dockerfile.Stages[0];
        Assert.StartsWith("mcr.microsoft.com/dotnet/sdk:10.0", build.BaseImage, StringComparison.Ordinal);
        Assert.Equal("build", build.Name);
        Assert.Contains(build.All("RUN"), run => run.Arguments.StartsWith("dotnet publish MediaHost/MediaHost.csproj", StringComparison.Ordinal));

        var runtime = _dockerfile.Final;
        Assert.DoesNotContain("/sdk", runtime.BaseImage, StringComparison.Ordinal);
        Assert.Contains(runtime.All("COPY"), copy => copy.Arguments.StartsWith("--from=build ", StringComparison.Ordinal));
    }

    [Fact]
    public void Runtime_stage_runs_as_a_non_root_user_before_the_entrypoint()
    {
        var runtime = _dockerfile.Final;
        var user = Assert.Single(runtime.All("USER"));
        Assert.DoesNotMatch(@"^(root|0)(:|$)", user.Arguments);
        var entrypoint = Assert.Single(runtime.All("ENTRYPOINT"));
        Assert.True(user.Line < entrypoint.Line, "USER must come before ENTRYPOINT");
        Assert.Contains(runtime.All("RUN"), run => run.Arguments.Contains("useradd", StringComparison.Ordinal) && run.Arguments.Contains(user.Arguments, StringComparison.Ordinal));
    }

    [Fact]
    public void Exposed_ports_are_exactly_the_MediaHost_default_ports()
    {
        var exposed = _dockerfile.Final.All("EXPOSE")
            .SelectMany(e => e.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        var expected = new HashSet<string>(StringComparer.Ordinal)
        {
            $"{MediaHostPorts.Sip}/udp",
            $"{MediaHostPorts.Sip}/tcp",
            $"{MediaHostPorts.RtpMin}-{MediaHostPorts.RtpMax}/udp",
            $"{MediaHostPorts.Http}/tcp",
        };
        Assert.Equal(expected.Order(), exposed.Order());
    }

    [Fact]
    public void Kestrel_listens_on_the_exposed_http_port()
    {
        var env = string.Join(' ', _dockerfile.Final.All("ENV").Select(e => e.Arguments));
        Assert.Matches($@"(^|\s)ASPNETCORE_HTTP_PORTS={MediaHostPorts.Http}(\s|$)", env);
    }

    [Fact]
    public void Runtime_stage_installs_the_offline_speech_packages()
    {
        var install = string.Join(' ', _dockerfile.Final.All("RUN").Select(r => r.Arguments).Where(a => a.Contains("apt-get install", StringComparison.Ordinal)));
        var packages = install.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("espeak-ng", packages);
        Assert.Contains("pocketsphinx", packages);
        Assert.Contains("pocketsphinx-en-us", packages);
        Assert.Contains("rm -rf /var/lib/apt/lists/*", install, StringComparison.Ordinal);
    }

    [Fact]
    public void Healthcheck_probes_the_liveness_endpoint_on_the_http_port()
    {
        var healthcheck = Assert.Single(_dockerfile.Final.All("HEALTHCHECK"));
        Assert.Contains($"http://127.0.0.1:{MediaHostPorts.Http}{HealthEndpoints.Live}", healthcheck.Arguments, StringComparison.Ordinal);
        Assert.Contains(" CMD ", " " + healthcheck.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Entrypoint_starts_the_published_MediaHost_assembly()
    {
        var project = File.ReadAllText(Path.Combine(RepoPaths.Root, "MediaHost", "MediaHost.csproj"));
        var assemblyName = Regex.Match(project, "<AssemblyName>([^<]+)</AssemblyName>").Groups[1].Value;
        var entrypoint = Assert.Single(_dockerfile.Final.All("ENTRYPOINT"));
        Assert.Equal($"[\"/app/{assemblyName}\"]", entrypoint.Arguments);
    }

    [Fact]
    public void Every_file_the_build_stage_copies_exists_and_is_not_docker_ignored()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore"))
            .Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        foreach (var copy in _dockerfile.Stages[0].All("COPY"))
        {
            var parts = copy.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var source in parts[..^1])
            {
                var path = Path.Combine(RepoPaths.Root, source.TrimEnd('/'));
                Assert.True(File.Exists(path) || Directory.Exists(path), $"COPY source {source} (line {copy.Line}) does not exist");
                Assert.DoesNotContain(ignored, pattern => pattern.TrimEnd('/') == source.TrimEnd('/'));
            }
        }
    }

    [Fact]
    public void Dockerignore_keeps_build_outputs_tests_and_git_out_of_the_context()
    {
        var ignored = File.ReadAllLines(Path.Combine(RepoPaths.Root, ".dockerignore")).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("**/bin/", ignored);
        Assert.Contains("**/obj/", ignored);
        Assert.Contains("tests/", ignored);
        Assert.Contains(".git/", ignored);
        Assert.Contains("**/local.settings.json", ignored);
    }

    [Fact]
    public void Deployment_template_uses_the_same_ports_and_liveness_path()
    {
        var main = File.ReadAllText(Path.Combine(RepoPaths.Root, "infra.bicep"));
        Assert.Contains($"var sipPort = {MediaHostPorts.Sip}", main, StringComparison.Ordinal);
        Assert.Contains($"var httpPort = {MediaHostPorts.Http}", main, StringComparison.Ordinal);
        Assert.Contains($"livenessPath: '{HealthEndpoints.Live}'", main, StringComparison.Ordinal);
        Assert.Matches($@"param rtpPortStart int = {MediaHostPorts.RtpMin}\b", main);
    }
}
