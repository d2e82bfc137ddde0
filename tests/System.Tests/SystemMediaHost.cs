using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>The MediaHost as run.sh runs it: offline providers in English, reporting to the control plane.</summary>
internal static class SystemMediaHost
{
    /// <param name="sipPort">The SIP port, when the caller must know it before the start (a trunk's address); else a free one.</param>
    public static Task<MediaHostProcess> StartAsync(Uri controlPlane, string eventsSecret, IDictionary<string, string>? extra = null, int? sipPort = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["ControlPlane__BaseUrl"] = controlPlane.ToString(),
            ["AgentEvents__KeyId"] = "mediahost",
            ["AgentEvents__Secret"] = eventsSecret,
            ["AiLoop__Language"] = "en-US",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        return MediaHostProcess.StartAsync(settings, sipPort);
    }
}
