using System.Diagnostics;
using System.Text;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Support;

/// <summary>
/// The local control-plane host as a process of its own (dotnet VoiceFunctions.Functions.LocalHost.dll from its
/// build output), its settings as environment variables (Section__Key), so a test can kill it as a crash would.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    private LocalHostProcess(Process process)
    {
        _process = process;
        process.OutputDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_log) _log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public static async Task<LocalHostProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, Uri baseUrl, string apiKey)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var dll = Path.Combine(RepoPaths.Root, "Functions.LocalHost", "bin", configuration, "net10.0", "VoiceFunctions.Functions.LocalHost.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("the local host is not built (the test project references it, so building the tests builds it)", dll);
        }
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value ?? "";
        }
        var host = new LocalHostProcess(Process.Start(info)!);
        await host.WaitUntilServingAsync(baseUrl, apiKey);
        return host;
    }

    /// <summary>kill -9: no drain, no shutdown of the Durable worker or its leases.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(20));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }
        _process.Dispose();
    }

    private async Task WaitUntilServingAsync(Uri baseUrl, string apiKey)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(2) };
        http.DefaultRequestHeaders.Add("x-functions-key", apiKey);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("the local host exited at start:\n" + Log);
            }
            try
            {
                if ((await http.GetAsync($"/api/calls?day={DateTime.UtcNow:yyyy-MM-dd}")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("the local host did not serve in 90 s:\n" + Log);
    }
}
