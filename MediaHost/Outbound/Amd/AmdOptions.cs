using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Outbound.Amd;

/// <summary>
/// Answering-machine detection thresholds (section "Outbound:Amd"). The defaults were chosen on the synthetic set of
/// bench/results/amd.md (espeak-ng greetings through a µ-law channel); real lines may need other values.
/// </summary>
public sealed class AmdOptions
{
    /// <summary>A frame is speech when its RMS is at least this (16-bit PCM units). Default 400 (about -38 dBFS).</summary>
    [Range(10, 10000)]
    public int SpeechRms { get; set; } = 400;

    /// <summary>Silence after the greeting that ends it, in ms: a person who said "Hello?" waits this long for us. Default 700.</summary>
    [Range(200, 3000)]
    public int EndOfGreetingSilenceMs { get; set; } = 700;

    /// <summary>A greeting still going after this many ms of speech (pauses shorter than the end-of-greeting silence included) is a machine's. Default 1800.</summary>
    [Range(500, 10000)]
    public int MachineGreetingMs { get; set; } = 1800;

    /// <summary>The decision is taken at the latest this long after the answer, in ms. Default 3000.</summary>
    [Range(1000, 10000)]
    public int MaxDecisionMs { get; set; } = 3000;

    /// <summary>A steady tone at least this long, in ms, is a beep. Default 120.</summary>
    [Range(40, 1000)]
    public int BeepMs { get; set; } = 120;
}
