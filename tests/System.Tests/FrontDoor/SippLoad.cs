using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// The real sipp placing calls through the front door with one of the scenarios beside this file: <c>calls</c> calls
/// at <c>rate</c> per second, each held <c>callMilliseconds</c>. Counts come from sipp's own statistics file; the
/// scenario's log lines (the answer's media port, marks the test waits for) from its log file. Killed on dispose.
/// </summary>
internal sealed partial class SippLoad : IDisposable
{
    private readonly Process _process;
    private readonly string _work;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private SippLoad(Process process, string work)
    {
        _process = process;
        _work = work;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <param name="overTcp">One TCP connection for all calls (sipp -t t1) instead of UDP.</param>
    /// <param name="localAddress">The callers' source address: another loopback address (127.0.0.2, ...) is another source to the front door's per-source limits.</param>
    public static SippLoad Start(IPEndPoint target, string scenario, int calls, int rate, int callMilliseconds, bool overTcp = false, string localAddress = "127.0.0.1")
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        var work = Directory.CreateTempSubdirectory("frontdoor-sipp-").FullName;
        var info = new ProcessStartInfo(sipp) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[]
                 {
                     target.ToString(), "-sf", Path.Combine(AppContext.BaseDirectory, "FrontDoor", "Scenarios", scenario),
                     "-t", overTcp ? "t1" : "u1", "-i", localAddress, "-p", (overTcp ? FreePort.Next() : FreePort.NextUdp()).ToString(),
                     "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString(),
                     "-m", calls.ToString(), "-r", rate.ToString(), "-l", calls.ToString(), "-d", callMilliseconds.ToString(),
                     "-timeout", "90s", "-timeout_error", "-nostdin", "-bind_local",
                     "-trace_stat", "-stf", "stats.csv", "-trace_err", "-error_file", "errors.log", "-trace_logs", "-log_file", "scenario.log",
                 })
        {
            info.ArgumentList.Add(arg);
        }
        return new SippLoad(Process.Start(info)!, work);
    }

    /// <summary>The scenario's log lines so far.</summary>
    public string[] ScenarioLog()
    {
        var path = Path.Combine(_work, "scenario.log");
        if (!File.Exists(path))
        {
            return [];
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        return new StreamReader(stream).ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    /// <summary>The media ports the answers offered (logged by frontdoor-call.xml).</summary>
    public IReadOnlyList<int> AnswerMediaPorts() =>
        [.. ScenarioLog().Select(line => MediaPortPattern().Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value))];

    /// <summary>The answered calls' SIP Call-IDs with the media port each answer offered (logged by frontdoor-call.xml).</summary>
    public IReadOnlyList<(string CallId, int MediaPort)> AnsweredCalls() =>
        [.. ScenarioLog().Select(line => MediaPortPattern().Match(line)).Where(m => m.Success && m.Groups[2].Success)
            .Select(m => (m.Groups[2].Value, int.Parse(m.Groups[1].Value)))];

    public async Task WaitForLogLinesAsync(string prefix, int count, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        while (ScenarioLog().Count(line => line.StartsWith(prefix, StringComparison.Ordinal)) < count)
        {
            Assert.True(!_process.HasExited, $"sipp exited before logging {count} '{prefix}' lines:\n{Errors()}");
            Assert.True(started.Elapsed < timeout, $"sipp did not log {count} '{prefix}' lines in {timeout.TotalSeconds:0} s:\n{Errors()}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for sipp to finish; the successful and failed call counts from its statistics.</summary>
    public async Task<SippOutcome> WaitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        await Task.WhenAll(_stdout, _stderr);
        var stats = await File.ReadAllLinesAsync(Directory.GetFiles(_work, "stats.csv").Single());
        var header = stats[0].Split(';');
        var last = stats[^1].Split(';');
        int Column(string name) => int.Parse(last[Array.IndexOf(header, name)]);
        return new SippOutcome(_process.ExitCode, Column("SuccessfulCall(C)"), Column("FailedCall(C)"), Errors() + _stderr.Result);
    }

    private string Errors()
    {
        var path = Path.Combine(_work, "errors.log");
        if (!File.Exists(path))
        {
            return "";
        }
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var text = new StreamReader(stream).ReadToEnd();
        return text.Length > 4000 ? text[..4000] + "…" : text;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // sipp's files still open: left in the temporary folder.
        }
    }

    [GeneratedRegex(@"answer-media-port (\d+)(?: call-id (\S+))?")]
    private static partial Regex MediaPortPattern();
}
