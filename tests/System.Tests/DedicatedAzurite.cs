using System.Diagnostics;
using System.Net.Sockets;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// An Azurite of this test's own (npm azurite from tests/node) on free loopback ports, persisting to a temporary
/// folder so that it can be stopped and started again with its data, as a storage outage would. The shared Azurite on
/// 10000/10002 is never touched. Killed and its folder removed on Dispose.
/// </summary>
internal sealed class DedicatedAzurite : IAsyncDisposable
{
    // Azurite's well-known development account key (public, the same in every Azurite).
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private readonly string _location = Directory.CreateTempSubdirectory("azurite-drill-").FullName;
    private readonly int _blobPort = FreePort.Next();
    private readonly int _queuePort = FreePort.Next();
    private readonly int _tablePort = FreePort.Next();
    private Process? _process;

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_blobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{_tablePort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_queuePort}/devstoreaccount1;";

    public static async Task<DedicatedAzurite> StartAsync()
    {
        var azurite = new DedicatedAzurite();
        await azurite.StartAgainAsync();
        return azurite;
    }

    /// <summary>
    /// Stops the emulator as a restart would (SIGTERM: Azurite writes its data out and exits; a SIGKILL would lose
    /// tables it has not saved yet, which is a lost disk, not an outage): every request fails until
    /// <see cref="StartAgainAsync"/>.
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString()]))
            {
                await term.WaitForExitAsync().DefaultTimeout();
            }
            try
            {
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().DefaultTimeout();
            }
        }
        _process?.Dispose();
        _process = null;
    }

    public async Task StartAgainAsync()
    {
        RequiredTool.NodePackage("azurite");
        var azurite = Path.Combine(RepoPaths.NodeTools, "node_modules", ".bin", "azurite");
        var info = new ProcessStartInfo(azurite) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[]
                 {
                     "--silent", "--skipApiVersionCheck", "--disableProductStyleUrl", "--location", _location,
                     "--blobHost", "127.0.0.1", "--blobPort", _blobPort.ToString(), "--queueHost", "127.0.0.1", "--queuePort", _queuePort.ToString(),
                     "--tableHost", "127.0.0.1", "--tablePort", _tablePort.ToString(),
                 })
        {
            info.ArgumentList.Add(arg);
        }
        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(60);
        while (!Listening(_tablePort) || !Listening(_blobPort) || !Listening(_queuePort))
        {
            if (_process.HasExited || DateTimeOffset.UtcNow > deadline)
            {
                throw new InvalidOperationException($"the drill's Azurite did not open 127.0.0.1:{_tablePort} (exit: {(_process.HasExited ? _process.ExitCode : "running")})");
            }
            await Task.Delay(100);
        }
    }

    private static bool Listening(int port)
    {
        using var client = new TcpClient();
        try
        {
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
