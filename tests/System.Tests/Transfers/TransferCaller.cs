using System.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Transfers;

/// <summary>
/// A sipp call for the transfer tests: one of this folder's scenarios (the caller presses 0 by SIP INFO, then the
/// carrier's side of the REFER, or the agent's LiveKit leg waiting for its BYE), streaming silence as µ-law RTP
/// (the key, not speech, asks for the operator: nothing depends on the recogniser).
/// </summary>
internal static class TransferCaller
{
    /// <summary>Long enough for any of the scenarios; sipp stops streaming when the call ends.</summary>
    private static readonly TimeSpan Silence = TimeSpan.FromSeconds(40);

    /// <param name="leg">When given, the call is placed as LiveKit SIP places the agent's leg (<see cref="BridgeLeg"/>).</param>
    public static async Task<SippProcess> StartAsync(IPEndPoint target, string scenarioFile, BridgeLeg? leg = null)
    {
        var work = Directory.CreateTempSubdirectory("transfer-caller-").FullName;
        var scenario = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Transfers", scenarioFile));
        await File.WriteAllTextAsync(Path.Combine(work, "caller.xml"), leg is null ? scenario : leg.Apply(scenario));
        var mulawSilence = new byte[(int)(8000 * Silence.TotalSeconds)];
        Array.Fill(mulawSilence, (byte)0xFF);
        await File.WriteAllBytesAsync(Path.Combine(work, "caller.audio"), mulawSilence);
        return SippCallerProcess.Start(target, work);
    }
}
