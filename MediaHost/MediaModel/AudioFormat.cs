namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// The one PCM format the audio loop sees, whatever codec the call negotiated:
/// 16 kHz, mono, signed 16-bit samples, in 20 ms frames.
/// </summary>
public static class AudioFormat
{
    public const int SampleRate = 16_000;
    public const int FrameMilliseconds = 20;
    public const int SamplesPerFrame = SampleRate * FrameMilliseconds / 1000; // 320
}
