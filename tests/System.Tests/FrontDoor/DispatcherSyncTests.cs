using System.Diagnostics;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// deploy/kamailio/dispatcher-sync.sh, the sidecar that keeps the front door's dispatcher list equal to the cluster's
/// media nodes, run against the real Kamailio and a double of the Kubernetes API's node list.
/// </summary>
[Trait("Category", "System")]
[Collection(FrontDoorCollection.Name)]
public sealed class DispatcherSyncTests
{
    private const string MediaLabel = "voicefunctions.io/role=media";

    [SkippableFact]
    public async Task Front_door_dispatches_to_the_Ready_media_nodes_the_API_lists_and_follows_the_pool_as_it_scales()
    {
        RequiredTool.Command("jq", "the Debian package jq (scripts/install-test-deps.sh)");
        await using var frontDoor = await KamailioFrontDoor.StartWithoutMediaHostsAsync();
        var token = Path.GetTempFileName();
        await File.WriteAllTextAsync(token, "<service-account-token>");
        using var api = new KubernetesNodesApiDouble("<service-account-token>")
        {
            Nodes =
            [
                ("media-0", MediaLabel, "127.0.0.2", true),
                ("media-1", MediaLabel, "127.0.0.3", true),
                ("media-2", MediaLabel, "127.0.0.4", false), // not Ready: left out
                ("system-0", "kubernetes.azure.com/mode=system", "127.0.0.5", true),
            ],
        };
        using var sync = StartSync(api.Url, token, frontDoor);
        try
        {
            await WaitForDestinationsAsync(frontDoor, sync, ["sip:127.0.0.2:5060", "sip:127.0.0.3:5060"]);

            // The pool scales: media-0 goes, media-3 comes; the running front door reloads its list.
            api.Nodes = [("media-1", MediaLabel, "127.0.0.3", true), ("media-3", MediaLabel, "127.0.0.6", true)];
            await WaitForDestinationsAsync(frontDoor, sync, ["sip:127.0.0.3:5060", "sip:127.0.0.6:5060"]);
        }
        finally
        {
            sync.Kill(entireProcessTree: true);
            File.Delete(token);
        }
    }

    private static Process StartSync(string apiUrl, string tokenFile, KamailioFrontDoor frontDoor)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "deploy", "kamailio", "dispatcher-sync.sh"));
        info.Environment["KUBE_API"] = apiUrl;
        info.Environment["KUBE_TOKEN_FILE"] = tokenFile;
        info.Environment["KUBE_CA_FILE"] = ""; // the double speaks plain HTTP
        info.Environment["NODE_SELECTOR"] = MediaLabel;
        info.Environment["DISPATCHER_LIST"] = frontDoor.DispatcherListPath;
        info.Environment["CTL_SOCKET"] = frontDoor.ControlSocket;
        info.Environment["INTERVAL_SECONDS"] = "1";
        var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitForDestinationsAsync(KamailioFrontDoor frontDoor, Process sync, string[] expected)
    {
        var started = Stopwatch.StartNew();
        IReadOnlyList<string> seen = [];
        while (started.Elapsed < TimeSpan.FromSeconds(30))
        {
            Assert.False(sync.HasExited, $"dispatcher-sync exited with {(sync.HasExited ? sync.ExitCode : 0)}");
            seen = await frontDoor.DestinationsAsync();
            if (seen.SequenceEqual(expected))
            {
                return;
            }
            await Task.Delay(200);
        }
        Assert.Fail($"the front door dispatches to [{string.Join(", ", seen)}], not [{string.Join(", ", expected)}]:\n{frontDoor.Log}");
    }
}
