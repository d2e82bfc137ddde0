using System.Diagnostics;
using System.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The system tests' sipp callers and callees: one real sipp placing one call from a prepared work folder (its
/// caller.xml and audio), and the tools that prepare the audio. The callers that prepare the folder differently
/// (<see cref="DemoCaller"/>, <see cref="Outbound.VoicemailLeg"/>) share it.
/// </summary>
internal static class SippCallerProcess
{
    /// <summary>Starts sipp on <paramref name="work"/>'s caller.xml towards <paramref name="target"/>: one call, 60 s timeout.</summary>
    public static SippProcess Start(IPEndPoint target, string work) => SippProcess.Start(work, "caller.xml", target, TimeSpan.FromSeconds(60));

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
}
