using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>Settings of the default energy / zero-crossing voice activity detector.</summary>
public sealed class VadOptions
{
    public const double DefaultThresholdDb = 10;
    public const double DefaultMinSpeechLevelDbfs = -50;
    public const double DefaultMaxZeroCrossingRate = 0.35;
    public const double DefaultInitialNoiseFloorDbfs = -60;

    /// <summary>How far above the noise floor a frame must be to count as speech, in dB. Default 10 dB:
    /// speech on a phone line sits 15–30 dB above the line noise, so 10 dB keeps quiet speakers while ignoring hiss.</summary>
    [Range(3, 40)]
    public double ThresholdDb { get; set; } = DefaultThresholdDb;

    /// <summary>An absolute floor below which nothing is speech, in dBFS. Default −50 dBFS, far below a talker on the phone.</summary>
    [Range(-90, -10)]
    public double MinSpeechLevelDbfs { get; set; } = DefaultMinSpeechLevelDbfs;

    /// <summary>Frames whose zero-crossing rate (crossings per sample) is above this are treated as noise, not voice.
    /// Default 0.35: voiced speech at 16 kHz crosses zero far less often, while broadband hiss crosses about every other sample.</summary>
    [Range(0.05, 1.0)]
    public double MaxZeroCrossingRate { get; set; } = DefaultMaxZeroCrossingRate;

    /// <summary>The noise floor assumed at the start of a call, in dBFS. Default −60 dBFS; it adapts within a second.</summary>
    [Range(-96, -20)]
    public double InitialNoiseFloorDbfs { get; set; } = DefaultInitialNoiseFloorDbfs;
}
