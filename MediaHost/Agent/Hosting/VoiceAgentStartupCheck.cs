using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// At start-up: builds the providers (so a broken dialog script or provider setting fails now, not on the first call),
/// says which providers run, warns that the offline STT is English-only when the language is not, and warns when an
/// offline tool is missing from PATH (calls would then hear the fallback tone).
/// </summary>
internal sealed class VoiceAgentStartupCheck(IOptions<AiLoopOptions> options, IServiceProvider services, ILogger<VoiceAgentStartupCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService(typeof(AgentDependencies)); // builds and logs the provider choice
        if (services.GetService(typeof(Providers.Recognition.IStreamingSpeechToText)) is Providers.Offline.PocketsphinxStreamingSpeechToText offline)
        {
            // The warm decoders load now, off the start path and off the thread pool (a load is a second or more of
            // CPU per decoder), so that the first callers do not wait for the model load.
            new Thread(() => WarmRecogniser(offline)) { IsBackground = true, Name = "pocketsphinx warm-up", Priority = ThreadPriority.BelowNormal }.Start();
        }
        var value = options.Value;
        var providers = value.Providers;
        if (providers.Stt == "pocketsphinx")
        {
            if (!value.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase))
            {
                AgentStartupLog.OfflineSttEnglishOnly(logger, value.Language);
            }
            WarnIfMissing(providers.Pocketsphinx.Command, "pocketsphinx (Debian pocketsphinx + pocketsphinx-en-us)");
        }
        if (providers.Tts == "espeak")
        {
            WarnIfMissing(providers.Espeak.Command, "espeak-ng (Debian espeak-ng)");
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void WarmRecogniser(Providers.Offline.PocketsphinxStreamingSpeechToText recogniser)
    {
        try
        {
            var started = TimeProvider.System.GetTimestamp();
            recogniser.Warm();
            AgentStartupLog.RecogniserWarm(logger, recogniser.DecodersLoaded, TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (Exception e) when (e is Providers.ProviderException or DllNotFoundException)
        {
            AgentStartupLog.RecogniserNotLoaded(logger, e.Message);
        }
    }

    private void WarnIfMissing(string command, string package)
    {
        var found = Path.IsPathRooted(command)
            ? File.Exists(command)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(dir => File.Exists(Path.Combine(dir, command)));
        if (!found)
        {
            AgentStartupLog.ToolMissing(logger, command, package);
        }
    }
}

internal static partial class AgentStartupLog
{
    [LoggerMessage(6050, LogLevel.Warning, "The offline STT (pocketsphinx) recognises English only, but AiLoop:Language is {Language}: callers will not be understood. Configure AiLoop:Providers:Stt = openai for Russian.")]
    public static partial void OfflineSttEnglishOnly(ILogger logger, string language);

    [LoggerMessage(6053, LogLevel.Information, "The offline recogniser is warm: {Decoders} decoders loaded in {ElapsedMs:F0} ms")]
    public static partial void RecogniserWarm(ILogger logger, int decoders, double elapsedMs);

    [LoggerMessage(6052, LogLevel.Error, "The offline recogniser (pocketsphinx) could not load its model: {Message}; callers will hear the fallback phrase")]
    public static partial void RecogniserNotLoaded(ILogger logger, string message);

    [LoggerMessage(6051, LogLevel.Error, "'{Command}' is not installed or not on PATH (package: {Package}); calls will hear the fallback tone instead of speech")]
    public static partial void ToolMissing(ILogger logger, string command, string package);
}
