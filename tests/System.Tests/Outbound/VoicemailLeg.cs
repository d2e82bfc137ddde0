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

    private readonly SippProcess _sipp;

    private VoicemailLeg(SippProcess sipp) => _sipp = sipp;

    public static async Task<VoicemailLeg> StartAsync(IPEndPoint target, BridgeLeg leg)
    {
        var espeak = RequiredTool.Command("espeak-ng", "the Debian package espeak-ng");
        var sox = RequiredTool.Command("sox", "the Debian package sox");
        var work = Directory.CreateTempSubdirectory("voicemail-leg-").FullName;
        await SippCallerProcess.RunToolAsync(espeak, work, "-v", "en-us", "-s", "150", "-w", "greeting.wav", Greeting);
        await SippCallerProcess.RunToolAsync(sox, work, "greeting.wav", "-r", "8000", "-c", "1", "-e", "mu-law", "-t", "raw", "caller.audio", "pad", "0", "6");
        var scenario = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "scripts", "demo", "caller.xml"));
        var pause = scenario.IndexOf("  <pause milliseconds=\"[call_ms]\"/>", StringComparison.Ordinal);
        var end = scenario.IndexOf("  <ResponseTimeRepartition", StringComparison.Ordinal);
        Assert.True(pause > 0 && end > pause, "scripts/demo/caller.xml no longer has the pause, BYE and statistics this leg replaces");
        scenario = scenario[..pause] + "  <recv request=\"BYE\"/>\n" + BridgeLeg.ByeAnswered + scenario[end..];
        await File.WriteAllTextAsync(Path.Combine(work, "caller.xml"), leg.Apply(scenario));
        return new VoicemailLeg(SippCallerProcess.Start(target, work));
    }

    public Task<(int ExitCode, string Output)> WaitAsync() => _sipp.WaitAsync();

    public void Dispose() => _sipp.Dispose();
}
