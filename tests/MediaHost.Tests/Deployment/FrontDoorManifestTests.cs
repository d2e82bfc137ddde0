using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// deploy/aks/frontdoor.yaml, the SIP front door in the cluster: parsed by kubectl offline, then checked against the
/// node pool infra/mediahost-aks.bicep creates, the MediaHost DaemonSet it dispatches to, its image and the real
/// Kamailio's check of the configuration its command line renders.
/// </summary>
public sealed partial class FrontDoorManifestTests
{
    private static readonly Lazy<KubernetesManifest> Manifest = new(() => KubernetesManifest.Read("deploy/aks/frontdoor.yaml"));

    private static readonly Lazy<KubernetesManifest> MediaHosts = new(() => KubernetesManifest.Read("deploy/aks/mediahost.yaml"));

    private static JsonObject PodSpec => (JsonObject)Manifest.Value.Single("Deployment", "frontdoor")["spec"]!["template"]!["spec"]!;

    private static JsonObject Container(string name, string list = "containers") =>
        (JsonObject)PodSpec[list]!.AsArray().Single(c => c!["name"]!.GetValue<string>() == name)!;

    private static Dictionary<string, string> Environment(JsonObject container) =>
        container["env"]!.AsArray().Where(v => v!["value"] is not null).ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["value"]!.GetValue<string>());

    private static string KamailioCommand => Container("kamailio")["command"]!.AsArray().Last()!.GetValue<string>();

    private static string Repo(string path) => File.ReadAllText(Path.Combine(RepoPaths.Root, path));

    [Fact]
    public void Front_door_runs_on_the_host_network_of_the_front_door_node_with_only_SIP_exposed()
    {
        Assert.True(PodSpec["hostNetwork"]!.GetValue<bool>());
        var infra = Repo("infra/mediahost-aks.bicep");
        foreach (var (label, value) in PodSpec["nodeSelector"]!.AsObject())
        {
            Assert.Contains($"'{label}': '{value}'", infra, StringComparison.Ordinal);
        }
        var toleration = PodSpec["tolerations"]!.AsArray().Single()!;
        Assert.Contains($"'{toleration["key"]}={toleration["value"]}:{toleration["effect"]}'", infra, StringComparison.Ordinal);
        var ports = Container("kamailio")["ports"]!.AsArray().Select(p => $"{p!["hostPort"]}/{p["protocol"]}").Order().ToArray();
        Assert.Equal([$"{MediaHostPorts.Sip}/TCP", $"{MediaHostPorts.Sip}/UDP"], ports);
    }

    [Fact]
    public void Dispatcher_sync_lists_the_nodes_the_MediaHosts_run_on_with_a_role_that_only_reads_nodes()
    {
        var daemonSet = MediaHosts.Value.Single("DaemonSet", "mediahost");
        var (label, value) = daemonSet["spec"]!["template"]!["spec"]!["nodeSelector"]!.AsObject().Single();
        foreach (var sync in new[] { Container("dispatcher-list", "initContainers"), Container("dispatcher-sync") })
        {
            var environment = Environment(sync);
            Assert.Equal($"{label}={value!.GetValue<string>()}", environment["NODE_SELECTOR"]);
            Assert.Equal(MediaHostPorts.Sip.ToString(), environment["MEDIA_SIP_PORT"]);
        }
        Assert.Equal("1", Environment(Container("dispatcher-list", "initContainers"))["ONCE"]);

        var rule = Manifest.Value.Single("ClusterRole", "voicefunctions-frontdoor-node-reader")["rules"]!.AsArray().Single()!;
        Assert.Equal(["nodes"], rule["resources"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.All(rule["verbs"]!.AsArray(), verb => Assert.Contains(verb!.GetValue<string>(), new[] { "get", "list", "watch" }));
        var subject = Manifest.Value.Single("ClusterRoleBinding", "voicefunctions-frontdoor-node-reader")["subjects"]!.AsArray().Single()!;
        Assert.Equal(PodSpec["serviceAccountName"]!.GetValue<string>(), subject["name"]!.GetValue<string>());
    }

    [Fact]
    public void Kamailio_reads_the_list_the_sync_writes_and_the_sync_reloads_it_through_Kamailio_control_socket()
    {
        var defines = Defines();
        var sync = Environment(Container("dispatcher-sync"));
        Assert.Equal($"\"{sync["DISPATCHER_LIST"]}\"", defines["DISPATCHER_LIST"]);
        Assert.Equal($"\"{sync["CTL_SOCKET"]}\"", defines["CTL_SOCKET"]);
        Assert.Equal(sync["DISPATCHER_LIST"], Environment(Container("dispatcher-list", "initContainers"))["DISPATCHER_LIST"]);
        var folder = Path.GetDirectoryName(sync["DISPATCHER_LIST"]);
        foreach (var container in new[] { Container("kamailio"), Container("dispatcher-sync"), Container("dispatcher-list", "initContainers") })
        {
            Assert.Contains(container["volumeMounts"]!.AsArray(), m => m!["mountPath"]!.GetValue<string>() == folder);
        }
    }

    [Fact]
    public void Every_setting_the_command_line_gives_is_one_the_configuration_defines()
    {
        var declared = DeclaredDefine().Matches(Repo("deploy/kamailio/kamailio.cfg")).Select(m => m.Groups[1].Value).ToHashSet();
        Assert.All(Defines().Keys, name => Assert.Contains(name, declared));
    }

    [SkippableFact]
    public void Kamailio_accepts_the_configuration_its_command_line_renders()
    {
        var kamailio = RequiredTool.Command("kamailio", "the Debian package kamailio (scripts/install-test-deps.sh)");
        var work = Directory.CreateTempSubdirectory("frontdoor-check-").FullName;
        try
        {
            var info = new ProcessStartInfo(kamailio) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "-c", "-f", Path.Combine(RepoPaths.Root, "deploy", "kamailio", "kamailio.cfg"), "-Y", work })
            {
                info.ArgumentList.Add(argument);
            }
            // The node's addresses as the pod gets them: a loopback one to listen on, a documentation one to advertise.
            foreach (var (name, value) in Defines())
            {
                info.ArgumentList.Add("-A");
                info.ArgumentList.Add($"{name}={value.Replace("$NODE_IP", "127.0.0.1").Replace("$public", "203.0.113.20").Replace("/run/frontdoor", work)}");
            }
            using var check = Process.Start(info)!;
            var output = check.StandardOutput.ReadToEndAsync();
            var errors = check.StandardError.ReadToEndAsync();
            Assert.True(check.WaitForExit(TimeSpan.FromSeconds(30)), "kamailio -c did not finish in 30 s");
            Assert.True(check.ExitCode == 0, $"kamailio -c rejected the rendered configuration:\n{errors.Result}{output.Result}");
            Assert.Contains("advertise 203.0.113.20:5060", errors.Result + output.Result, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void Image_holds_Kamailio_the_configuration_and_the_sync_where_the_manifest_runs_them()
    {
        var dockerfile = Repo("deploy/kamailio/Dockerfile");
        Assert.Matches(@"apt-get install[^\n]* kamailio curl jq", dockerfile);
        Assert.Contains("COPY kamailio.cfg /etc/kamailio/kamailio.cfg", dockerfile, StringComparison.Ordinal);
        Assert.Contains("-f /etc/kamailio/kamailio.cfg", KamailioCommand, StringComparison.Ordinal);
        var sync = Container("dispatcher-sync")["command"]!.AsArray().Single()!.GetValue<string>();
        Assert.Contains($"COPY dispatcher-sync.sh /usr/local/bin/{sync}", dockerfile, StringComparison.Ordinal);
        var images = new[] { Container("kamailio"), Container("dispatcher-sync"), Container("dispatcher-list", "initContainers") }
            .Select(c => c["image"]!.GetValue<string>()).Distinct();
        Assert.Single(images);
    }

    /// <summary>The -A NAME=value settings of the Kamailio command line (shell quoting removed).</summary>
    private static Dictionary<string, string> Defines() =>
        CommandDefine().Matches(KamailioCommand).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

    [GeneratedRegex("""-A ["'](?<name>[A-Z_]+)=(?<value>.+?)["'](?=\s|$)""")]
    private static partial Regex CommandDefine();

    [GeneratedRegex(@"^#!ifn?def ([A-Z0-9_]+)$", RegexOptions.Multiline)]
    private static partial Regex DeclaredDefine();
}
