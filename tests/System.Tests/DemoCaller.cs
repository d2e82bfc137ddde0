using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The demo caller of run.sh: the real sipp calling the MediaHost with scripts/demo/caller.xml, streaming an English
/// question synthesised by espeak-ng and converted by sox to 8 kHz µ-law (after a lead-in silence while the greeting
/// plays), then hanging up. Runs in a temporary folder; killed on Dispose if still running.
/// </summary>
internal sealed class DemoCaller : IDisposable
{
    private readonly Process _process;
    private readonly string _work;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private DemoCaller(Process process, string work)
    {
        _process = process;
        _work = work;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <param name="leg">When given, the call is placed as LiveKit SIP places the agent's leg: to that user, from that
    /// number, with those extra headers on the INVITE (CreateSIPParticipant's <c>headers</c>).</param>
    /// <param name="wideband">Offer only G.722 and send the question as 16 kHz G.722 (<see cref="G722Leg"/>) instead of 8 kHz µ-law.</param>
    public static async Task<DemoCaller> StartAsync(IPEndPoint target, string question, int leadSeconds, int callMilliseconds, BridgeLeg? leg = null, bool wideband = false)
    {
        var sipp = RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        var espeak = RequiredTool.Command("espeak-ng", "the Debian package espeak-ng");
        var sox = RequiredTool.Command("sox", "the Debian package sox");
        var work = Directory.CreateTempSubdirectory("demo-caller-").FullName;
        await RunAsync(espeak, work, "-v", "en-us", "-s", "150", "-w", "question.wav", question);
        var scenario = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "scripts", "demo", "caller.xml"));
        scenario = scenario.Replace("[call_ms]", callMilliseconds.ToString());
        if (wideband)
        {
            await RunAsync(sox, work, "question.wav", "-r", "16000", "-c", "1", "-e", "signed", "-b", "16", "-t", "raw", "question.raw", "pad", leadSeconds.ToString(), "6");
            var raw = await File.ReadAllBytesAsync(Path.Combine(work, "question.raw"));
            await File.WriteAllBytesAsync(Path.Combine(work, "question.pcap"), G722Leg.ToPcap(global::System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(raw)));
            scenario = G722Leg.Apply(scenario, "question.pcap");
        }
        else
        {
            await RunAsync(sox, work, "question.wav", "-r", "8000", "-c", "1", "-e", "mu-law", "-t", "raw", "caller.audio", "pad", leadSeconds.ToString(), "6");
        }
        if (leg is not null)
        {
            scenario = leg.Apply(scenario);
        }
        await File.WriteAllTextAsync(Path.Combine(work, "caller.xml"), scenario);
        var info = new ProcessStartInfo(sipp) { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var arg in new[] { target.ToString(), "-sf", "caller.xml", "-i", "127.0.0.1", "-p", FreePort.NextUdp().ToString(), "-bind_local",
                     "-m", "1", "-timeout", "60s", "-timeout_error", "-trace_err", "-nostdin", "-mi", "127.0.0.1", "-mp", FreePort.NextUdp().ToString() })
        {
            info.ArgumentList.Add(arg);
        }
        return new DemoCaller(Process.Start(info)!, work);
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
