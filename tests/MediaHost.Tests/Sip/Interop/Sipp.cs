using System.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// Runs the real sipp with one of the committed scenarios under Scenarios/ against a target (or as a callee), from a
/// temporary folder holding a copy of the scenario (its logs land there).
/// </summary>
public static class Sipp
{
    public static readonly string ScenarioDirectory = Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Sip", "Interop", "Scenarios");

    /// <summary>Starts sipp on <paramref name="scenario"/>: a client sending to <paramref name="target"/>, or a callee when it is null.</summary>
    public static SippProcess Start(string scenario, IPEndPoint? target, params string[] extra)
    {
        var work = Directory.CreateTempSubdirectory("sipp-").FullName;
        File.Copy(Path.Combine(ScenarioDirectory, scenario), Path.Combine(work, scenario));
        return SippProcess.Start(work, scenario, target, TimeSpan.FromSeconds(40), extra);
    }
}
