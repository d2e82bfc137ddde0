using System.Diagnostics;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Outbound;

/// <summary>The real sipp as an outbound call's callee (a UAS scenario from the MediaHost tests' scenarios), on 127.0.0.1.</summary>
internal sealed class SippCallee : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SippCallee(Process process, int port)
    {
        _process = process;
        Port = port;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Port { get; }

    public static SippCallee Start(string scenario)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        var work = Directory.CreateTempSubdirectory("sipp-callee-").FullName;
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Sip", "Interop", "Scenarios", scenario), Path.Combine(work, scenario));
        var port = FreePort.NextUdp();
        var info = new ProcessStartInfo(sipp) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { "-sf", scenario, "-i", "127.0.0.1", "-p", port.ToString(), "-bind_local", "-m", "1",
                     "-timeout", "60s", "-timeout_error", "-trace_err", "-nostdin", "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString() })
        {
            info.ArgumentList.Add(arg);
        }
        return new SippCallee(Process.Start(info)!, port);
    }

    public async Task<(int ExitCode, string Output)> WaitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        return (_process.ExitCode, $"exit {_process.ExitCode}\n{await _stderr}\n{await _stdout}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }
}
