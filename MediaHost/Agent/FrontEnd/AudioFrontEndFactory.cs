using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Makes each call's front-end from the validated options: speexdsp's when enabled, the pass-through one when not.
/// Checks once, when it is built (at start-up), that libspeexdsp can be loaded, so a missing package stops the host
/// with the package's name instead of failing every call.
/// </summary>
public sealed class AudioFrontEndFactory
{
    private readonly AudioFrontEndOptions _options;
    private readonly FrontEndMetrics? _metrics;

    public AudioFrontEndFactory(IOptions<AudioFrontEndOptions> options, ILogger<AudioFrontEndFactory> logger, FrontEndMetrics metrics)
        : this(options.Value, logger, SpeexDspNative.IsAvailable, metrics)
    {
    }

    internal AudioFrontEndFactory(AudioFrontEndOptions options, ILogger logger, LibraryProbe probe, FrontEndMetrics? metrics = null)
    {
        _options = options;
        _metrics = metrics;
        if (!options.Enabled)
        {
            FrontEndLog.Disabled(logger);
            return;
        }
        if (!probe(out var reason))
        {
            throw new InvalidOperationException(
                $"{AudioFrontEndOptions.SectionName}:Enabled is true but the echo canceller cannot run: {reason}. " +
                $"Install libspeexdsp1, or set {AudioFrontEndOptions.SectionName}:Enabled=false to take calls without echo cancellation.");
        }
        FrontEndLog.Enabled(logger, options.EchoTailMs, options.MaxEchoDelayMs, options.NoiseSuppressionDb, options.AgcEnabled);
    }

    internal delegate bool LibraryProbe(out string? reason);

    /// <summary>A new front-end for one call, counting its ERLE and double talk for the call's metrics (recorded when
    /// the caller disposes it at the end of the call).</summary>
    public IAudioFrontEnd Create()
    {
        IAudioFrontEnd frontEnd = _options.Enabled ? new SpeexFrontEnd(_options) : new PassThroughFrontEnd();
        return _metrics is null ? frontEnd : new MeteredFrontEnd(frontEnd, _metrics);
    }
}
