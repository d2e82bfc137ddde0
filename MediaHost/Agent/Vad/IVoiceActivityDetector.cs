namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Classifies 20 ms frames of caller audio (16 kHz mono) as speech or not. The default is
/// <see cref="EnergyVoiceActivityDetector"/>; a model-based detector (for example one running an ONNX model)
/// implements the same interface and is registered instead. One instance per call: detectors keep state.
/// </summary>
public interface IVoiceActivityDetector
{
    /// <summary>Classifies one frame; frames arrive in order, one call per 20 ms of media time.</summary>
    VoiceActivity Process(ReadOnlySpan<short> frame);

    /// <summary>Forgets what was learnt (noise floor, model state), for example after the call's audio path changed.</summary>
    void Reset();
}
