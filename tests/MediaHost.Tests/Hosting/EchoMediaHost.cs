using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Hosting;

/// <summary>The MediaHost process with the built-in echo handler (no AI loop), reporting to a recording control plane if given.</summary>
internal static class EchoMediaHost
{
    /// <param name="controlPlane">Where the MediaHost reports its calls (none when null).</param>
    public static Task<MediaHostProcess> StartAsync(int drainTimeoutSeconds, RecordingControlPlane? controlPlane = null) =>
        MediaHostProcess.StartAsync(new Dictionary<string, string>
        {
            ["Sip__TcpPort"] = "-1",
            ["Sip__DrainTimeoutSeconds"] = drainTimeoutSeconds.ToString(),
            ["AiLoop__Enabled"] = "false",
            ["ControlPlane__BaseUrl"] = controlPlane?.BaseUrl.ToString() ?? "",
            ["AgentEvents__KeyId"] = RecordingControlPlane.KeyId,
            ["AgentEvents__Secret"] = controlPlane?.Secret ?? "",
        }, rtpBase: 40000); // apart from the 20000s the in-process tests' media sessions use
}
