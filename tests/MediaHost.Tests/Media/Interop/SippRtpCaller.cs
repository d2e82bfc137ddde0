using System.Net;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// Runs the real sipp as a caller that streams an audio file over RTP (rtp_stream), from a temporary folder holding
/// the scenario (filled in for the codec and the call's length) and the audio.
/// </summary>
internal static class SippRtpCaller
{
    private static readonly string ScenarioDirectory = Path.Combine(RepoPaths.Root, "tests", "MediaHost.Tests", "Media", "Interop", "Scenarios");

    /// <summary>Calls <paramref name="target"/> offering <paramref name="codecName"/> and streams <paramref name="audio"/> (G.711 bytes).</summary>
    public static SippProcess Start(IPEndPoint target, string codecName, int payloadType, byte[] audio, int callMilliseconds)
    {
        var work = Directory.CreateTempSubdirectory("sipp-rtp-").FullName;
        // sipp substitutes -key values in messages but not in actions or pauses, so the template is filled in here.
        var scenario = File.ReadAllText(Path.Combine(ScenarioDirectory, "uac-rtp-stream.xml"))
            .Replace("[codec_pt]", payloadType.ToString()).Replace("[codec_name]", codecName).Replace("[call_ms]", callMilliseconds.ToString());
        File.WriteAllText(Path.Combine(work, "uac-rtp-stream.xml"), scenario);
        File.WriteAllBytes(Path.Combine(work, "caller.audio"), audio);
        return SippProcess.Start(work, "uac-rtp-stream.xml", target, TimeSpan.FromSeconds(40));
    }
}
