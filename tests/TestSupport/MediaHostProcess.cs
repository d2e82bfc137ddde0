using System.Diagnostics;
using System.Net;
using System.Text;

namespace VoiceFunctions.TestSupport;

/// <summary>
/// The real MediaHost process (dotnet VoiceFunctions.MediaHost.dll from its build output, same configuration as the
/// test) on free loopback ports: SIP on UDP and TCP, the internal HTTP listener (/health, /metrics) on
/// <see cref="HttpPort"/>, the public one (liveness only) on <see cref="PublicHttpPort"/>, a private 100-port RTP range.
/// The caller's settings (environment variables, Section__Key) come on top. Signals are sent as a container runtime
/// sends them; the process is killed with its children on Dispose if it is still running.
/// </summary>
public sealed class MediaHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private MediaHostProcess(Process process, IPEndPoint sip, int httpPort, int publicHttpPort, int rtpMin, int rtpMax)
    {
        _process = process;
        SipEndpoint = sip;
        HttpPort = httpPort;
        PublicHttpPort = publicHttpPort;
        RtpPortMin = rtpMin;
        RtpPortMax = rtpMax;
        process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IPEndPoint SipEndpoint { get; }

    /// <summary>The internal HTTP port: /health (detail, readiness) and /metrics.</summary>
    public int HttpPort { get; }

    /// <summary>The public HTTP port: /health/live only.</summary>
    public int PublicHttpPort { get; }

    public int RtpPortMin { get; }

    public int RtpPortMax { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <param name="settings">Environment settings on top of the loopback ports (they may override those too).</param>
    /// <param name="sipPort">The SIP port, when the caller must know it before the start (a trunk's address); else a free one.</param>
    /// <param name="rtpBase">Where the random 100-port RTP range may start (apart from ranges the test's own process uses).</param>
    public static async Task<MediaHostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, int? sipPort = null, int rtpBase = 20000)
    {
        var dll = Path.Combine(RepoPaths.Root, "MediaHost", "bin", BuildConfiguration(), "net10.0", "VoiceFunctions.MediaHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("the MediaHost is not built (the test project references it, so building the tests builds it)", dll);
        }
        var sip = sipPort ?? FreePort.Next();
        var httpPort = FreePort.Next();
        var publicHttpPort = FreePort.Next();
        var rtpMin = rtpBase + Random.Shared.Next(0, 99) * 100;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{publicHttpPort}");
        info.Environment["InternalHttp__Url"] = $"http://127.0.0.1:{httpPort}";
        info.Environment["Sip__BindAddress"] = "127.0.0.1";
        info.Environment["Sip__MediaBindAddress"] = "127.0.0.1";
        info.Environment["Sip__UdpPort"] = sip.ToString();
        info.Environment["Sip__TcpPort"] = sip.ToString();
        info.Environment["Rtp__PortMin"] = rtpMin.ToString();
        info.Environment["Rtp__PortMax"] = (rtpMin + 99).ToString();
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }
        var host = new MediaHostProcess(Process.Start(info)!, new IPEndPoint(IPAddress.Loopback, sip), httpPort, publicHttpPort, rtpMin, rtpMin + 99);
        await host.WaitUntilHealthyAsync();
        return host;
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

    /// <summary>Kills the process at once (no drain, no BYE): a crashed MediaHost.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
        }
        _process.Dispose();
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var started = Stopwatch.StartNew();
        while (started.Elapsed < StartTimeout)
        {
            if (HasExited)
            {
                throw new InvalidOperationException("the MediaHost exited at start:\n" + Log);
            }
            try
            {
                if ((await http.GetAsync($"http://127.0.0.1:{HttpPort}/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        await DisposeAsync();
        throw new TimeoutException($"the MediaHost did not become healthy in {StartTimeout.TotalSeconds:0} s:\n" + Log);
    }

    /// <summary>Debug or Release, from the test assembly's output folder (…/bin/{configuration}/net10.0/).</summary>
    private static string BuildConfiguration() =>
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
}
