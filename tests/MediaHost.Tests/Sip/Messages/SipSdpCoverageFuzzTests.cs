using System.Diagnostics;
using System.Text.RegularExpressions;
using VoiceFunctions.TestSupport;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Sip.Messages;

/// <summary>
/// The bounded coverage-guided fuzz run of the test command: scripts/fuzz.sh drives afl-fuzz over the SharpFuzz
/// harness (tests/Fuzz) for 15 s per target (the SIP and SDP parsers, the SIP-over-TLS stream framing, the SRTP/SRTCP
/// unprotect path: one minute in all). It fails on any crash or hang the fuzzer saves, and on a run that
/// executed too few inputs, so a fuzzer that silently does nothing (broken instrumentation, no forkserver) cannot pass.
/// Longer runs on demand: `scripts/fuzz.sh all 3600`.
/// </summary>
public sealed class SipSdpCoverageFuzzTests(ITestOutputHelper output)
{
    private const int SecondsPerTarget = 15;

    // Far below what one core does in 15 s (over 100,000 on the loaded development machine), far above a dead run.
    private const long MinimumExecutionsPerTarget = 5_000;

    [SkippableFact]
    public void Fifteen_seconds_of_afl_fuzz_per_target_find_no_crash_or_hang_in_SIP_SDP_TLS_framing_and_SRTP()
    {
        RequiredTool.Command("afl-fuzz", "the Debian package afl++ (scripts/install-test-deps.sh)");

        var start = new ProcessStartInfo("bash", [Path.Combine(RepoPaths.Root, "scripts", "fuzz.sh"), "all", SecondsPerTarget.ToString()])
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(15)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("scripts/fuzz.sh did not finish within 15 minutes");
        }
        var text = stdout.Result + stderr.Result;
        output.WriteLine(text);

        Assert.True(process.ExitCode == 0, $"scripts/fuzz.sh exited {process.ExitCode}:\n{text}");
        foreach (var target in new[] { "sip", "sdp", "tls-stream", "srtp" })
        {
            var match = Regex.Match(text, $@"^fuzz {target}: execs_done=(\d+)", RegexOptions.Multiline);
            Assert.True(match.Success, $"no statistics for {target}:\n{text}");
            var executions = long.Parse(match.Groups[1].Value);
            Assert.True(executions >= MinimumExecutionsPerTarget, $"{target}: only {executions} executions in {SecondsPerTarget} s:\n{text}");
        }
    }
}
