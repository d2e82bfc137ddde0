using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// The real Kamailio running the deployment's own configuration (deploy/kamailio/kamailio.cfg), rendered only through
/// its -A defines: loopback sockets, a dispatcher list of the test's MediaHosts, a control socket in a temporary
/// folder, and (unless a test checks them) per-source limits raised because the test's one sipp is every caller.
/// Killed on dispose.
/// </summary>
internal sealed partial class KamailioFrontDoor : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _work;
    private readonly string _kamcmd;
    private readonly StringBuilder _log = new();

    private KamailioFrontDoor(Process process, string work, string kamcmd, IPEndPoint sip)
    {
        _process = process;
        _work = work;
        _kamcmd = kamcmd;
        SipEndpoint = sip;
        process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IPEndPoint SipEndpoint { get; }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static string ConfigPath => Path.Combine(RepoPaths.Root, "deploy", "kamailio", "kamailio.cfg");

    /// <summary>
    /// Starts the front door over <paramref name="mediaHosts"/> with the per-source limits raised (the test's one sipp
    /// is every caller) and waits until its probes found each one up.
    /// </summary>
    /// <param name="defines">More of the configuration's settings (-A NAME=value), e.g. its timers.</param>
    public static Task<KamailioFrontDoor> StartAsync(IReadOnlyList<IPEndPoint> mediaHosts, params string[] defines) =>
        LaunchAsync(mediaHosts, ["REQUESTS_PER_2S=100000", "CALLS_PER_MINUTE=100000", "CALLS_PER_HOUR=1000000", .. defines]);

    /// <summary>The same with the deployment's per-source limits (pike, calls per minute and hour), but for <paramref name="defines"/>.</summary>
    public static Task<KamailioFrontDoor> StartWithDeploymentLimitsAsync(IReadOnlyList<IPEndPoint> mediaHosts, params string[] defines) =>
        LaunchAsync(mediaHosts, defines);

    /// <summary>The front door with an empty dispatcher list, as in the cluster before the dispatcher sync first ran.</summary>
    public static Task<KamailioFrontDoor> StartWithoutMediaHostsAsync() => LaunchAsync([], []);

    private static async Task<KamailioFrontDoor> LaunchAsync(IReadOnlyList<IPEndPoint> mediaHosts, IReadOnlyList<string> defines)
    {
        var kamailio = RequiredTool.Command("kamailio", "the Debian package kamailio (scripts/install-test-deps.sh)");
        var kamcmd = RequiredTool.Command("kamcmd", "the Debian package kamailio (scripts/install-test-deps.sh)");
        var work = Directory.CreateTempSubdirectory("frontdoor-").FullName;
        var list = Path.Combine(work, "dispatcher.list");
        await File.WriteAllLinesAsync(list, mediaHosts.Select(h => $"1 sip:{h.Address}:{h.Port}"));
        var port = FreePort.NextUdp();
        var info = new ProcessStartInfo(kamailio) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = work };
        foreach (var arg in new[]
                 {
                     "-DD", "-E", "-f", ConfigPath, "-Y", work, "-P", Path.Combine(work, "kamailio.pid"), "-w", work, "-m", "64", "-M", "8",
                     "-A", $"LISTEN_UDP=udp:127.0.0.1:{port}", "-A", $"LISTEN_TCP=tcp:127.0.0.1:{port}",
                     "-A", $"DISPATCHER_LIST=\"{list}\"", "-A", $"CTL_SOCKET=\"unix:{Path.Combine(work, "ctl")}\"",
                     "-A", "CHILDREN=2",
                 }.Concat(defines.SelectMany(d => new[] { "-A", d })))
        {
            info.ArgumentList.Add(arg);
        }
        var frontDoor = new KamailioFrontDoor(Process.Start(info)!, work, kamcmd, new IPEndPoint(IPAddress.Loopback, port));
        try
        {
            await frontDoor.WaitForStatesAsync(states => states.Count == mediaHosts.Count && states.Values.All(s => s.IsActive), StartTimeout);
        }
        catch
        {
            await frontDoor.DisposeAsync();
            throw;
        }
        return frontDoor;
    }

    /// <summary>The dispatcher list file Kamailio reads (its DISPATCHER_LIST define).</summary>
    public string DispatcherListPath => Path.Combine(_work, "dispatcher.list");

    /// <summary>Kamailio's control socket (its CTL_SOCKET define), as kamcmd -s takes it.</summary>
    public string ControlSocket => "unix:" + Path.Combine(_work, "ctl");

    /// <summary>The dispatcher's destinations (kamcmd dispatcher.list), as their SIP URIs.</summary>
    public async Task<IReadOnlyList<string>> DestinationsAsync() =>
        [.. UriPattern().Matches(await DispatcherListAsync()).Select(m => m.Groups["uri"].Value).Order(StringComparer.Ordinal)];

    /// <summary>The dispatcher's view of each MediaHost (kamcmd dispatcher.list), by SIP port.</summary>
    public async Task<IReadOnlyDictionary<int, DestinationState>> StatesAsync()
    {
        var output = await DispatcherListAsync();
        var states = new Dictionary<int, DestinationState>();
        foreach (Match match in DestinationPattern().Matches(output))
        {
            states[int.Parse(match.Groups["port"].Value)] = new DestinationState(match.Groups["flags"].Value);
        }
        return states;
    }

    private async Task<string> DispatcherListAsync()
    {
        var info = new ProcessStartInfo(_kamcmd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-s", ControlSocket, "dispatcher.list" })
        {
            info.ArgumentList.Add(arg);
        }
        using var kamcmd = Process.Start(info)!;
        var output = await kamcmd.StandardOutput.ReadToEndAsync();
        await kamcmd.WaitForExitAsync();
        return output;
    }

    /// <summary>Polls the dispatcher state until <paramref name="condition"/> holds; returns how long that took.</summary>
    public async Task<TimeSpan> WaitForStatesAsync(Func<IReadOnlyDictionary<int, DestinationState>, bool> condition, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"kamailio exited with {_process.ExitCode}:\n{Log}");
            }
            if (File.Exists(Path.Combine(_work, "ctl")) && condition(await StatesAsync()))
            {
                return started.Elapsed;
            }
            if (started.Elapsed > timeout)
            {
                throw new TimeoutException($"the front door's dispatcher did not reach the expected state in {timeout.TotalSeconds:0} s: "
                    + string.Join(", ", (await StatesAsync()).Select(s => $"{s.Key}={s.Value.Flags}")) + "\n" + Log);
            }
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // A child still closing its control socket: the temporary folder is left behind.
        }
    }

    [GeneratedRegex(@"URI: sip:[^:\s]+:(?<port>\d+)\s+FLAGS: (?<flags>\w+)")]
    private static partial Regex DestinationPattern();

    [GeneratedRegex(@"URI: (?<uri>sip:\S+)")]
    private static partial Regex UriPattern();
}
