namespace VoiceFunctions.MediaHost.Agent;

/// <summary>The verdict on one frame.</summary>
/// <param name="IsSpeech">Whether the frame holds speech.</param>
/// <param name="LevelDbfs">The frame's RMS level in dB relative to full scale (−96 for digital silence).</param>
/// <param name="NoiseFloorDbfs">The detector's current estimate of the background level.</param>
public readonly record struct VoiceActivity(bool IsSpeech, double LevelDbfs, double NoiseFloorDbfs);
