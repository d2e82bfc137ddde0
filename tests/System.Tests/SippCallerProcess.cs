using System.Diagnostics;
using System.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// One real sipp placing one call from a prepared work folder (its caller.xml and audio), on loopback: started here,
/// waited for with its output and error logs, killed and its folder deleted on Dispose. The callers that prepare the
/// folder differently (<see cref="DemoCaller"/>, <see cref="Outbound.VoicemailLeg"/>) share it.
/// </summary>
internal sealed class SippCallerProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _work;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SippCallerProcess(Process process, string work)
    {
        _process = process;
        _work = work;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Starts sipp on <paramref name="work"/>'s caller.xml towards <paramref name="target"/>: one call, 60 s timeout.</summary>
    public static SippCallerProcess Start(IPEndPoint target, string work)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        var info = new ProcessStartInfo(sipp) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { target.ToString(), "-sf", "caller.xml", "-i", "127.0.0.1", "-p", FreePort.NextUdp().ToString(), "-bind_local",
                     "-m", "1", "-timeout", "60s", "-timeout_error", "-trace_err", "-nostdin", "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString() })
        {
            info.ArgumentList.Add(arg);
        }
        return new SippCallerProcess(Process.Start(info)!, work);
    }

    public async Task<(int ExitCode, string Output)> WaitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var errors = string.Join("\n", Directory.GetFiles(_work, "*_errors.log").Select(File.ReadAllText));
        var stdout = await _stdout;
        return (_process.ExitCode, $"exit {_process.ExitCode}\n{await _stderr}\n{(stdout.Length > 2000 ? stdout[^2000..] : stdout)}\n{errors}");
    }

    /// <summary>Runs a preparing tool (espeak-ng, sox) in the work folder; fails the test with its error output.</summary>
    public static async Task RunToolAsync(string tool, string work, params string[] args)
    {
        var info = new ProcessStartInfo(tool) { WorkingDirectory = work, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(tool)} failed: {await error}");
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
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
