using System.Diagnostics;
using System.Net;
using System.Text;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The MediaHost as its own process (its build output, same configuration as this test), on free loopback ports,
/// with the offline providers in English and the control plane's address: the system as run.sh runs it.
/// Killed (with its children) on Dispose.
/// </summary>
internal sealed class MediaHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private MediaHostProcess(Process process, IPEndPoint sip, int httpPort, int rtpMin, int rtpMax)
    {
        _process = process;
        SipEndpoint = sip;
        HttpPort = httpPort;
        RtpPortMin = rtpMin;
        RtpPortMax = rtpMax;
        process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public IPEndPoint SipEndpoint { get; }
    public int HttpPort { get; }
    public int RtpPortMin { get; }
    public int RtpPortMax { get; }
    public bool HasExited => _process.HasExited;

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    /// <param name="sipPort">The SIP port (UDP and TCP), when the caller must know it before the start (a trunk's address); else a free one.</param>
    public static async Task<MediaHostProcess> StartAsync(Uri controlPlane, string eventsSecret, IDictionary<string, string>? extra = null, int? sipPort = null)
    {
        var dll = Path.Combine(RepoPaths.Root, "MediaHost", "bin", BuildConfiguration(), "net10.0", "VoiceFunctions.MediaHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("the MediaHost is not built (this test project builds it first)", dll);
        }
        var sip = sipPort ?? FreePort.Next();
        var httpPort = FreePort.Next();
        var rtpMin = 20000 + Random.Shared.Next(0, 99) * 100;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{httpPort}");
        var env = new Dictionary<string, string>
        {
            ["ControlPlane__BaseUrl"] = controlPlane.ToString(),
            ["AgentEvents__KeyId"] = "mediahost",
            ["AgentEvents__Secret"] = eventsSecret,
            ["Sip__BindAddress"] = "127.0.0.1",
            ["Sip__MediaBindAddress"] = "127.0.0.1",
            ["Sip__UdpPort"] = sip.ToString(),
            ["Sip__TcpPort"] = sip.ToString(),
            ["Rtp__PortMin"] = rtpMin.ToString(),
            ["Rtp__PortMax"] = (rtpMin + 99).ToString(),
            ["AiLoop__Language"] = "en-US",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }
        var host = new MediaHostProcess(Process.Start(info)!, new IPEndPoint(IPAddress.Loopback, sip), httpPort, rtpMin, rtpMin + 99);
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

    /// <summary>Kills the process at once (no drain, no BYE): a crashed MediaHost.</summary>
    public void Kill() => _process.Kill(entireProcessTree: true);

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
