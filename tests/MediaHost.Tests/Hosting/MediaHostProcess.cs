using System.Diagnostics;
using System.Net;
using System.Text;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Hosting;

/// <summary>
/// The real MediaHost process (dotnet VoiceFunctions.MediaHost.dll from its build output) on free loopback ports,
/// with the built-in echo handler, reporting to a recording control plane if given. Signals are sent as the container runtime sends them
/// (SIGTERM); the process is killed on Dispose if it is still running.
/// </summary>
internal sealed class MediaHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private MediaHostProcess(Process process, IPEndPoint sip, int httpPort)
    {
        _process = process;
        SipEndpoint = sip;
        HttpPort = httpPort;
        process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IPEndPoint SipEndpoint { get; }

    public int HttpPort { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <param name="controlPlane">Where the MediaHost reports its calls (none when null).</param>
    public static async Task<MediaHostProcess> StartAsync(int drainTimeoutSeconds, RecordingControlPlane? controlPlane = null)
    {
        var dll = Path.Combine(RepoPaths.Root, "MediaHost", "bin", BuildConfiguration(), "net10.0", "VoiceFunctions.MediaHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("the MediaHost is not built (this test project references it, so building the tests builds it)", dll);
        }
        var sipPort = FreePort.Next();
        var httpPort = FreePort.Next();
        var rtpMin = 40000 + Random.Shared.Next(0, 99) * 100;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Sip__BindAddress"] = "127.0.0.1",
            ["Sip__MediaBindAddress"] = "127.0.0.1",
            ["Sip__UdpPort"] = sipPort.ToString(),
            ["Sip__TcpPort"] = "-1",
            ["Sip__DrainTimeoutSeconds"] = drainTimeoutSeconds.ToString(),
            ["Rtp__PortMin"] = rtpMin.ToString(),
            ["Rtp__PortMax"] = (rtpMin + 99).ToString(),
            ["AiLoop__Enabled"] = "false",
            ["ControlPlane__BaseUrl"] = controlPlane?.BaseUrl.ToString() ?? "",
            ["AgentEvents__KeyId"] = RecordingControlPlane.KeyId,
            ["AgentEvents__Secret"] = controlPlane?.Secret ?? "",
        })
        {
            info.Environment[key] = value;
        }
        var host = new MediaHostProcess(Process.Start(info)!, new IPEndPoint(IPAddress.Loopback, sipPort), httpPort);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (host.HasExited)
            {
                throw new InvalidOperationException("the MediaHost exited at start:\n" + host.Log);
            }
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{httpPort}/health")).IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        await host.DisposeAsync();
        throw new TimeoutException("the MediaHost did not become healthy in 90 s:\n" + host.Log);
    }

    /// <summary>What `docker stop` and an Azure Container Instances stop send first.</summary>
    public void SendSigterm()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", _process.Id.ToString() }, UseShellExecute = false })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -TERM {_process.Id} failed with exit code {kill.ExitCode}");
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Debug or Release, from this test assembly's output folder (…/bin/{configuration}/net10.0/).</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        _process.Dispose();
    }
}
