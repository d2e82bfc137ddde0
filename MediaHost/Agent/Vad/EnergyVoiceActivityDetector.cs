namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The default detector: a frame is speech when its level stands clear of an adaptive noise floor and its
/// zero-crossing rate looks like voice rather than hiss. The floor follows quiet frames quickly, loud non-speech
/// frames slowly, and creeps up even under "speech" so that a steady hum or fan is learnt as background within
/// a few seconds. Pure arithmetic over the frame: no allocation, no clock.
/// </summary>
public sealed class EnergyVoiceActivityDetector : IVoiceActivityDetector
{
    private const double SilenceDbfs = -96;
    // Per-frame smoothing factors of the noise floor (fractions of the gap closed per 20 ms frame).
    private const double FallRate = 0.3;      // background got quieter: follow fast
    private const double RiseRate = 0.05;     // louder but not speech: follow moderately
    private const double SpeechCreepRate = 0.004; // steady "speech" for seconds is probably noise: creep up slowly

    private readonly VadOptions _options;
    private double _noiseFloor;

    public EnergyVoiceActivityDetector(VadOptions options)
    {
        _options = options;
        _noiseFloor = options.InitialNoiseFloorDbfs;
    }

    public double NoiseFloorDbfs => _noiseFloor;

    public VoiceActivity Process(ReadOnlySpan<short> frame)
    {
        var level = LevelDbfs(frame);
        var zcr = ZeroCrossingRate(frame);
        var isSpeech = level >= _options.MinSpeechLevelDbfs
            && level >= _noiseFloor + _options.ThresholdDb
            && zcr <= _options.MaxZeroCrossingRate;

        var rate = level < _noiseFloor ? FallRate : isSpeech ? SpeechCreepRate : RiseRate;
        _noiseFloor += rate * (level - _noiseFloor);
        return new VoiceActivity(isSpeech, level, _noiseFloor);
    }

    public void Reset() => _noiseFloor = _options.InitialNoiseFloorDbfs;

    /// <summary>RMS level of the frame in dB relative to a full-scale 16-bit value (32768).</summary>
    public static double LevelDbfs(ReadOnlySpan<short> frame)
    {
        if (frame.IsEmpty)
        {
            return SilenceDbfs;
        }
        double sum = 0;
        foreach (var s in frame)
        {
            sum += (double)s * s;
        }
        var rms = Math.Sqrt(sum / frame.Length);
        return rms < 1 ? SilenceDbfs : 20 * Math.Log10(rms / 32768.0);
    }

    /// <summary>Sign changes per sample pair, 0..1.</summary>
    public static double ZeroCrossingRate(ReadOnlySpan<short> frame)
    {
        if (frame.Length < 2)
        {
            return 0;
        }
        var crossings = 0;
        for (var i = 1; i < frame.Length; i++)
        {
            if ((frame[i - 1] >= 0) != (frame[i] >= 0))
            {
                crossings++;
            }
        }
        return (double)crossings / (frame.Length - 1);
    }
}
