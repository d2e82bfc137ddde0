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
    private readonly SippProcess _sipp;

    private DemoCaller(SippProcess sipp) => _sipp = sipp;

    /// <param name="leg">When given, the call is placed as LiveKit SIP places the agent's leg: to that user, from that
    /// number, with those extra headers on the INVITE (CreateSIPParticipant's <c>headers</c>).</param>
    /// <param name="wideband">Offer only G.722 and send the question as 16 kHz G.722 (<see cref="G722Leg"/>) instead of 8 kHz µ-law.</param>
    public static async Task<DemoCaller> StartAsync(IPEndPoint target, string question, int leadSeconds, int callMilliseconds, BridgeLeg? leg = null, bool wideband = false)
    {
        var espeak = RequiredTool.Command("espeak-ng", "the Debian package espeak-ng");
        var sox = RequiredTool.Command("sox", "the Debian package sox");
        var work = Directory.CreateTempSubdirectory("demo-caller-").FullName;
        await SippCallerProcess.RunToolAsync(espeak, work, "-v", "en-us", "-s", "150", "-w", "question.wav", question);
        var scenario = await File.ReadAllTextAsync(Path.Combine(RepoPaths.Root, "scripts", "demo", "caller.xml"));
        scenario = scenario.Replace("[call_ms]", callMilliseconds.ToString());
        if (wideband)
        {
            await SippCallerProcess.RunToolAsync(sox, work, "question.wav", "-r", "16000", "-c", "1", "-e", "signed", "-b", "16", "-t", "raw", "question.raw", "pad", leadSeconds.ToString(), "6");
            var raw = await File.ReadAllBytesAsync(Path.Combine(work, "question.raw"));
            await File.WriteAllBytesAsync(Path.Combine(work, "question.pcap"), G722Leg.ToPcap(global::System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(raw)));
            scenario = G722Leg.Apply(scenario, "question.pcap");
        }
        else
        {
            await SippCallerProcess.RunToolAsync(sox, work, "question.wav", "-r", "8000", "-c", "1", "-e", "mu-law", "-t", "raw", "caller.audio", "pad", leadSeconds.ToString(), "6");
        }
        if (leg is not null)
        {
            scenario = leg.Apply(scenario);
        }
        await File.WriteAllTextAsync(Path.Combine(work, "caller.xml"), scenario);
        return new DemoCaller(SippCallerProcess.Start(target, work));
    }

    public Task<(int ExitCode, string Output)> WaitAsync() => _sipp.WaitAsync();

    public void Dispose() => _sipp.Dispose();
}
