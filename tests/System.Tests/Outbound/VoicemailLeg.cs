using System.Diagnostics;
using System.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Outbound;

/// <summary>
/// The agent's leg as LiveKit SIP would bridge it to a callee's voicemail: the real sipp calling the MediaHost with
/// scripts/demo/caller.xml (headers of the agent's dispatch on the INVITE), streaming a voicemail greeting synthesised
/// by espeak-ng (no lead-in: a machine speaks at once, on and on) as 8 kHz µ-law, and waiting for the MediaHost to hang
/// up (BYE answered 200) instead of hanging up itself. sipp fails (exit code) if no BYE comes within its 60 s timeout.
/// </summary>
internal sealed class VoicemailLeg : IDisposable
{
    public const string Greeting = "Hi, you have reached the voicemail of Ada Lovelace. I cannot take your call right now. "
        + "Please leave your name, your number and a short message after the tone, and I will call you back as soon as I can.";

    private readonly Process _process;
    private readonly string _work;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private VoicemailLeg(Process process, string work)
    {
        _process = process;
        _work = work;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public static async Task<VoicemailLeg> StartAsync(IPEndPoint target, BridgeLeg leg)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        var espeak = RequiredTool.Command("espeak-ng", "the Debian package espeak-ng");
        var sox = RequiredTool.Command("sox", "the Debian package sox");
        var work = Directory.CreateTempSubdirectory("voicemail-leg-").FullName;
        await RunAsync(espeak, work, "-v", "en-us", "-s", "150", "-w", "greeting.wav", Greeting);
        await RunAsync(sox, work, "greeting.wav", "-r", "8000", "-c", "1", "-e", "mu-law", "-t", "raw", "caller.audio", "pad", "0", "6");
        var scenario = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "scripts", "demo", "caller.xml"));
        var pause = scenario.IndexOf("  <pause milliseconds=\"[call_ms]\"/>", StringComparison.Ordinal);
        var end = scenario.IndexOf("  <ResponseTimeRepartition", StringComparison.Ordinal);
        Assert.True(pause > 0 && end > pause, "scripts/demo/caller.xml no longer has the pause, BYE and statistics this leg replaces");
        scenario = scenario[..pause] + """
              <recv request="BYE"/>
              <send>
                <![CDATA[
                  SIP/2.0 200 OK
                  [last_Via:]
                  [last_From:]
                  [last_To:]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Content-Length: 0
                ]]>
              </send>

            """ + scenario[end..];
        await File.WriteAllTextAsync(Path.Combine(work, "caller.xml"), leg.Apply(scenario));
        var info = new ProcessStartInfo(sipp) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { target.ToString(), "-sf", "caller.xml", "-i", "127.0.0.1", "-p", FreePort.NextUdp().ToString(), "-bind_local",
                     "-m", "1", "-timeout", "60s", "-timeout_error", "-trace_err", "-nostdin", "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString() })
        {
            info.ArgumentList.Add(arg);
        }
        return new VoicemailLeg(Process.Start(info)!, work);
    }

    public async Task<(int ExitCode, string Output)> WaitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        var errors = string.Join("\n", Directory.GetFiles(_work, "*_errors.log").Select(File.ReadAllText));
        var stdout = await _stdout;
        return (_process.ExitCode, $"exit {_process.ExitCode}\n{await _stderr}\n{(stdout.Length > 2000 ? stdout[^2000..] : stdout)}\n{errors}");
    }

    private static async Task RunAsync(string tool, string work, params string[] args)
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
