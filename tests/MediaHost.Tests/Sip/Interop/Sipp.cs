using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// Runs the real sipp (Debian sip-tester) with a committed scenario against a target, bound to 127.0.0.1 on a
/// free port, in a temporary folder (its logs land there). Killed on Dispose if still running.
/// </summary>
public sealed class Sipp : IDisposable
{
    public static readonly string ScenarioDirectory = Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Sip", "Interop", "Scenarios");

    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private Sipp(Process process, string workDirectory)
    {
        _process = process;
        _workDirectory = workDirectory;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; private init; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts sipp as a client (uac scenario) sending to <paramref name="target"/>.</summary>
    public static Sipp Start(string scenario, IPEndPoint? target, params string[] extra)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        var work = Directory.CreateTempSubdirectory("sipp-").FullName;
        File.Copy(Path.Combine(ScenarioDirectory, scenario), Path.Combine(work, scenario));
        var port = FreePort.NextUdp();
        var info = new ProcessStartInfo(sipp)
        {
            WorkingDirectory = work,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        if (target is not null)
        {
            info.ArgumentList.Add(target.ToString());
        }
        foreach (var arg in new[] { "-sf", scenario, "-i", "127.0.0.1", "-p", port.ToString(), "-bind_local", "-m", "1",
                     "-timeout", "40s", "-timeout_error", "-trace_err", "-nostdin", "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString() })
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var arg in extra)
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        return new Sipp(process, work) { Port = port };
    }

    /// <summary>Waits for sipp to exit; returns its exit code and a diagnostic text (stderr and error log).</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        var errors = string.Join("\n", Directory.GetFiles(_workDirectory, "*_errors.log").Select(File.ReadAllText));
        return (_process.ExitCode, $"exit {_process.ExitCode}\n{await _stderr}\n{Tail(await _stdout)}\n{errors}");
    }

    private static string Tail(string text) => text.Length > 3000 ? text[^3000..] : text;

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
