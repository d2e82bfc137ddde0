using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using VoiceFunctions.MediaHost.Hosting;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// deploy/aks/mediahost.yaml, the many-calls-per-instance target: parsed by kubectl offline, then the fields the
/// MediaHost depends on checked here (kubectl does not check schemas without a cluster), and its environment run
/// through the MediaHost's own start-up validation.
/// </summary>
public sealed partial class AksDaemonSetTests
{
    private const string ManifestPath = "deploy/aks/mediahost.yaml";

    /// <summary>What the instance metadata service gives the start-up script in the cluster (a documentation address).</summary>
    private const string SampleNodePublicIp = "203.0.113.10";

    private static readonly Lazy<KubernetesManifest> Manifest = new(() => KubernetesManifest.Read(ManifestPath));

    private static JsonObject DaemonSet => Manifest.Value.Single("DaemonSet", "mediahost");

    private static JsonObject PodSpec => (JsonObject)DaemonSet["spec"]!["template"]!["spec"]!;

    private static JsonObject Container => (JsonObject)PodSpec["containers"]!.AsArray().Single()!;

    [Fact]
    public void MediaHost_runs_on_the_host_network_of_every_media_node()
    {
        Assert.True(PodSpec["hostNetwork"]!.GetValue<bool>());
        Assert.Equal("ClusterFirstWithHostNet", PodSpec["dnsPolicy"]!.GetValue<string>());
        var infra = File.ReadAllText(Path.Combine(TestSupport.RepoPaths.Root, "infra", "mediahost-aks.bicep"));
        // The pod lands exactly on the nodes the template labels and taints for media.
        foreach (var (label, value) in PodSpec["nodeSelector"]!.AsObject())
        {
            Assert.Contains($"'{label}': '{value}'", infra, StringComparison.Ordinal);
        }
        var toleration = PodSpec["tolerations"]!.AsArray().Single()!;
        Assert.Contains($"'{toleration["key"]}={toleration["value"]}:{toleration["effect"]}'", infra, StringComparison.Ordinal);
    }

    [Fact]
    public void Ports_and_RTP_range_are_the_ones_the_nodes_open()
    {
        var ports = Container["ports"]!.AsArray().Select(p => ($"{p!["containerPort"]}/{p["protocol"]}")).ToHashSet();
        Assert.Contains($"{MediaHostPorts.Sip}/UDP", ports);
        Assert.Contains($"{MediaHostPorts.Sip}/TCP", ports);
        Assert.Contains($"{MediaHostPorts.Http}/TCP", ports);
        var environment = Environment();
        var variables = CompiledDeployment.Sample.Template["variables"]!;
        Assert.Equal(variables["mediaHostRtpPortMin"]!.ToJsonString(), environment[MediaHostSettings.RtpPortMin]);
        Assert.Equal(variables["mediaHostRtpPortMax"]!.ToJsonString(), environment[MediaHostSettings.RtpPortMax]);
        Assert.True(int.Parse(environment[MediaHostSettings.RtpPortMax]) - int.Parse(environment[MediaHostSettings.RtpPortMin]) >= 1000,
            "the AKS target exposes a whole RTP range (hundreds of calls), not one pair");
    }

    [Fact]
    public void Probes_use_the_MediaHost_health_paths_and_rollouts_let_calls_drain()
    {
        Assert.Equal(HealthEndpoints.Live, Container["livenessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        Assert.Equal(MediaHostPorts.Http, Container["livenessProbe"]!["httpGet"]!["port"]!.GetValue<int>());
        Assert.Equal(HealthEndpoints.Ready, Container["readinessProbe"]!["httpGet"]!["path"]!.GetValue<string>());
        // The detailed health and /metrics answer only on the internal port, which the template sets and names.
        Assert.Equal(MediaHostPorts.Internal, Container["readinessProbe"]!["httpGet"]!["port"]!.GetValue<int>());
        Assert.Equal($"http://0.0.0.0:{MediaHostPorts.Internal}", Environment()["InternalHttp__Url"]);
        Assert.Equal(MediaHostPorts.Internal.ToString(), DaemonSet["spec"]!["template"]!["metadata"]!["annotations"]!["prometheus.io/port"]!.GetValue<string>());
        var drain = int.Parse(Environment()["Sip__DrainTimeoutSeconds"]);
        Assert.True(PodSpec["terminationGracePeriodSeconds"]!.GetValue<int>() >= drain + 10,
            "Kubernetes would kill the MediaHost before its calls drain");
    }

    [Fact]
    public void Secrets_come_only_from_the_Kubernetes_secret()
    {
        var variables = Container["env"]!.AsArray().OfType<JsonObject>().ToDictionary(v => v["name"]!.GetValue<string>());
        foreach (var secret in MediaHostSettings.Secrets)
        {
            Assert.Null(variables[secret]["value"]);
            Assert.NotNull(variables[secret]["valueFrom"]?["secretKeyRef"]);
        }
    }

    [Fact]
    public void DaemonSet_gives_every_setting_and_the_MediaHost_accepts_them()
    {
        var environment = Environment();
        var missing = MediaHostSettings.All.Where(name => !environment.ContainsKey(name)).ToArray();
        Assert.True(missing.Length == 0, "deploy/aks does not give the MediaHost: " + string.Join(", ", missing));
        var problems = MediaHostSettingsCheck.Problems(environment);
        Assert.True(problems.Count == 0, "the MediaHost would not start with deploy/aks settings:\n" + string.Join("\n", problems));
    }

    /// <summary>The container's environment as the pod sees it: literal values, ConfigMap keys from the manifest's
    /// ConfigMap (its &lt;placeholders&gt; filled as an operator would), secrets as placeholders, and the advertised
    /// address the start-up script reads from the instance metadata service.</summary>
    private static Dictionary<string, string> Environment()
    {
        var settings = Manifest.Value.Single("ConfigMap", "mediahost-settings")["data"]!.AsObject();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in Container["env"]!.AsArray().OfType<JsonObject>())
        {
            var name = variable["name"]!.GetValue<string>();
            environment[name] = variable["value"]?.GetValue<string>()
                ?? (variable["valueFrom"]?["configMapKeyRef"] is { } key
                    ? Placeholder().Replace(settings[key["key"]!.GetValue<string>()]!.GetValue<string>(), "$1")
                    : variable["valueFrom"]?["secretKeyRef"] is not null ? new string('s', 48)
                    : throw new InvalidOperationException($"{name}: a value source the test does not know"));
        }
        var script = string.Join(' ', Container["command"]!.AsArray().Select(part => part!.GetValue<string>()));
        Assert.Contains("169.254.169.254/metadata/instance/network", script, StringComparison.Ordinal);
        Assert.Contains("export Sip__ExternalAddress", script, StringComparison.Ordinal);
        environment[MediaHostSettings.SipExternalAddress] = SampleNodePublicIp;
        return environment;
    }

    [GeneratedRegex("<([a-z0-9-]+)>")]
    private static partial Regex Placeholder();
}
