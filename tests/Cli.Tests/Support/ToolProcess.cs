using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.Cli.Tests.Support;

/// <summary>
/// A real tool (sipp, openssl) run as a child process for one test, in a temporary folder of its own: its output is
/// drained so it never blocks on a full pipe; disposing kills it and deletes the folder.
/// </summary>
public sealed class ToolProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private ToolProcess(Process process, string folder)
    {
        _process = process;
        _folder = folder;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="tool"/> in <paramref name="folder"/> (made by the caller, deleted on dispose).</summary>
    public static ToolProcess Start(string tool, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ToolProcess(process, folder);
    }

    /// <summary>Waits (10 s at most) until the tool accepts a TCP connection on loopback <paramref name="port"/>.</summary>
    public async Task WaitForTcpListenerAsync(int port, string what)
    {
        for (var attempt = 0; attempt < 200 && !_process.HasExited; attempt++)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }
        throw new InvalidOperationException($"{what} did not start listening on TCP port {port}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a tool's log files left in a temporary folder are harmless.
        }
    }
}
