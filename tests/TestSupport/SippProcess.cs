using System.Diagnostics;
using System.Net;

namespace VoiceFunctions.TestSupport;

/// <summary>
/// One run of the real sipp (Debian sip-tester) on loopback, from a work folder that holds its scenario (and any audio
/// it streams): bound to 127.0.0.1 on free SIP and media ports, one call, errors traced to the folder. Waited for with
/// its output and error log; killed and its folder deleted on Dispose. The test projects' sipp callers and callees
/// differ only in how they prepare the folder.
/// </summary>
public sealed class SippProcess : IDisposable
{
    private readonly Process _process;
    private readonly string _work;
    private readonly TimeSpan _waitLimit;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SippProcess(Process process, string work, int port, TimeSpan waitLimit)
    {
        _process = process;
        _work = work;
        _waitLimit = waitLimit;
        Port = port;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The UDP port sipp's SIP listens on (a callee's address for the test's INVITE).</summary>
    public int Port { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts sipp on <paramref name="scenario"/> in <paramref name="work"/>, sending to <paramref name="target"/> (a
    /// caller) or waiting for a call (a callee, <c>null</c>). sipp gives up after <paramref name="callTimeout"/>; waiting
    /// for it gives up half a minute later.
    /// </summary>
    public static SippProcess Start(string work, string scenario, IPEndPoint? target, TimeSpan callTimeout, params string[] extra)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
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
                     "-timeout", $"{(int)callTimeout.TotalSeconds}s", "-timeout_error", "-trace_err", "-nostdin",
                     "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString() })
        {
            info.ArgumentList.Add(arg);
        }
        foreach (var arg in extra)
        {
            info.ArgumentList.Add(arg);
        }
        return new SippProcess(Process.Start(info)!, work, port, callTimeout + TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits for sipp to exit; returns its exit code and a diagnostic text (stderr, the end of stdout, the error log).</summary>
    public async Task<(int ExitCode, string Output)> WaitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(_waitLimit);
        var errors = string.Join("\n", Directory.GetFiles(_work, "*_errors.log").Select(File.ReadAllText));
        var stdout = await _stdout;
        return (_process.ExitCode, $"exit {_process.ExitCode}\n{await _stderr}\n{(stdout.Length > 3000 ? stdout[^3000..] : stdout)}\n{errors}");
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
