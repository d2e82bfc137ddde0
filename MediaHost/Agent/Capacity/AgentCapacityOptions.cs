using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Admission by AI capacity (configuration section "AiLoop:Capacity"): how many calls the agent serves at once, and
/// what a call beyond that gets. Refusing at the door keeps the recognisers, VAD and TTS of the calls in progress
/// within what the machine can do, so their media keeps its timing instead of every call degrading together.
/// </summary>
public sealed class AgentCapacityOptions
{
    public const int DefaultMaxCalls = 32;
    public const int DefaultRejectStatus = 503;

    /// <summary>Agent calls served at once. Default 32: the target for the offline agent on 2 cores (pooled
    /// recognisers, Silero VAD behind the energy gate, cached TTS). Raise it with hosted providers.</summary>
    [Range(1, 100_000)]
    public int MaxCalls { get; set; } = DefaultMaxCalls;

    /// <summary>The SIP final status a call beyond <see cref="MaxCalls"/> is refused with. Default 503 Service
    /// Unavailable (a proxy tries another MediaHost); 486 Busy Here or 480 Temporarily Unavailable tell the caller's
    /// side to stop trying.</summary>
    [AllowedValues(480, 486, 503, 600)]
    public int RejectStatus { get; set; } = DefaultRejectStatus;

    /// <summary>Refuse new calls (with <see cref="RejectStatus"/>) while the offline recogniser has every decoder busy
    /// (AiLoop:Providers:PocketsphinxStreaming:MaxDecoders callers speaking at once): a new caller would wait for a
    /// decoder, and the calls in progress would share the cores with one more. Default true.</summary>
    public bool RefuseWhenRecognitionSaturated { get; set; } = true;
}
