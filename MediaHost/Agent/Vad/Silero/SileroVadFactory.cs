using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Makes each call's voice activity detector: Silero when its model file is present (loaded once, shared), else the
/// energy detector, with one warning at start. A model file that is present but not the expected model fails at
/// start with the reason (a wrong file is a deployment error, not something to hide behind the fallback).
/// </summary>
public sealed class SileroVadFactory : IDisposable
{
    private readonly SileroVadOptions _options;
    private readonly VadOptions _energyOptions;

    public SileroVadFactory(SileroVadOptions options, VadOptions energyOptions, ILogger<SileroVadFactory> logger)
    {
        _options = options;
        _energyOptions = energyOptions;
        if (File.Exists(options.ModelPath))
        {
            Model = SileroVadModel.Load(options.ModelPath);
            SileroVadLog.ModelLoaded(logger, options.ModelPath);
        }
        else
        {
            SileroVadLog.ModelMissing(logger, options.ModelPath);
        }
    }

    /// <summary>The loaded model, or null when the energy detector stands in.</summary>
    public SileroVadModel? Model { get; }

    public IVoiceActivityDetector Create() =>
        Model is null ? new EnergyVoiceActivityDetector(_energyOptions) : new SileroVoiceActivityDetector(Model, _options, _energyOptions);

    public void Dispose() => Model?.Dispose();
}
