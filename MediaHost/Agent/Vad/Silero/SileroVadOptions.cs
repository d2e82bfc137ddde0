using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>The Silero VAD (an ONNX model behind a cheap energy gate).</summary>
public sealed class SileroVadOptions
{
    public const string DefaultModelPath = "/usr/share/voicefunctions/models/silero_vad.onnx";

    /// <summary>The model file. Default where scripts/install-test-deps.sh and the Dockerfile put it (from the npm
    /// package @livekit/agents-plugin-silero, MIT). When absent the energy detector is used, with a warning.</summary>
    [Required]
    public string ModelPath { get; set; } = DefaultModelPath;

    /// <summary>Speech probability at which a window starts speech. Default 0.5 (Silero's own default).</summary>
    [Range(0.05, 0.99)]
    public double ActivationThreshold { get; set; } = 0.5;

    /// <summary>Speech continues until the probability falls below this. Default 0.35 (threshold − 0.15, Silero's hysteresis),
    /// so soft word endings do not flicker the verdict.</summary>
    [Range(0.01, 0.99)]
    public double DeactivationThreshold { get; set; } = 0.35;

    /// <summary>How far above the energy detector's noise floor a frame must be for the model to run at all, in dB.
    /// Default 6 dB: below the energy detector's 10 dB speech threshold, so quiet speech still reaches the model,
    /// while line noise and silence (most of a call) cost nothing.</summary>
    [Range(0, 40)]
    public double GateThresholdDb { get; set; } = 6;

    /// <summary>After the gate closes the model keeps running this long, in ms, so speech endings are judged by the
    /// model rather than cut by the gate. Default 300 ms.</summary>
    [Range(0, 5_000)]
    public int GateHangoverMs { get; set; } = 300;
}
