using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

internal static partial class FrontEndLog
{
    [LoggerMessage(6070, LogLevel.Information, "Audio front-end on: speexdsp echo canceller ({TailMs} ms filter, delays up to {MaxDelayMs} ms), noise suppression {NoiseDb} dB, AGC {Agc}")]
    public static partial void Enabled(ILogger logger, int tailMs, int maxDelayMs, int noiseDb, bool agc);

    [LoggerMessage(6071, LogLevel.Warning, "Audio front-end off (AudioFrontEnd:Enabled=false): callers' audio reaches barge-in and recognition with the line's echo and noise")]
    public static partial void Disabled(ILogger logger);
}
