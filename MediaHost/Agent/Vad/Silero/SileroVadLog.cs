using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Log messages of the Silero VAD (event IDs 6300–6309).</summary>
internal static partial class SileroVadLog
{
    [LoggerMessage(6300, LogLevel.Warning, "Silero VAD model not found at {Path}: using the energy voice activity detector instead (install it with scripts/install-test-deps.sh or the MediaHost image)")]
    public static partial void ModelMissing(ILogger logger, string path);

    [LoggerMessage(6301, LogLevel.Information, "Silero VAD loaded from {Path}")]
    public static partial void ModelLoaded(ILogger logger, string path);
}
