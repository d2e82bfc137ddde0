using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// Preemptive generation (configuration section "AiLoop:Preemptive"): the LLM starts on the caller's words as soon as
/// they pause, while the endpointer still waits to be sure the turn is over. The answer is held back (nothing plays)
/// and used only if the turn ends with the same words; otherwise it is cancelled and discarded.
/// </summary>
public sealed class PreemptiveGenerationOptions
{
    public const int DefaultAfterSilenceMs = 100;

    /// <summary>Start answering before the endpoint. Default true. Costs an LLM request for each pause that is not the
    /// end of the turn (counted as turn.preemptive_answers with outcome resumed/changed).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Silence after the caller's words before the LLM is started on them, in ms (media time). Default 100 ms:
    /// well before the end-of-turn check (AiLoop:Endpointing:ModelCheckSilenceMs, 250 ms), after the pauses inside words.</summary>
    [Range(20, 5_000)]
    public int AfterSilenceMs { get; set; } = DefaultAfterSilenceMs;
}
