using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>How the caller interrupts the agent.</summary>
public sealed class BargeInOptions
{
    /// <summary>Caller speech needed while the agent talks before the agent stops, in ms. Default 200 ms: long enough to
    /// ignore clicks and short noises, short enough that the caller is not talked over.</summary>
    [Range(20, 2_000)]
    public int ConfirmationMs { get; set; } = 200;

    /// <summary>While the caller's interim transcript is nothing yet or only a backchannel ("угу", "mm-hm"), the agent
    /// keeps talking until the caller has spoken this long, in ms; a word that is not a backchannel stops it at once
    /// (after <see cref="ConfirmationMs"/>). Default 600 ms: a backchannel is shorter, and the streaming recogniser's
    /// first interim comes about 200 ms into speech. Not applied with a batch recogniser (no interims to judge: the
    /// backchannel is then recognised after the barge-in, and the agent resumes). 0 turns the hold off.</summary>
    [Range(0, 3_000)]
    public int BackchannelHoldMs { get; set; } = 600;

    /// <summary>While the agent's audio plays, a caller frame counts as speech only if it is at least this many dB above
    /// the echo the audio front-end expects to be left in it (the residual after cancellation, over the last 400 ms;
    /// without a front-end that knows it, the agent's own level 12 dB down). Default 6 dB: measured on simulated and
    /// RTP lines (bench/results/frontend.md), no false barge-ins at 3–12 dB echo return loss while callers 12 dB below
    /// the echo still get through.</summary>
    [Range(0, 40)]
    public double EchoMarginDb { get; set; } = 6;

    /// <summary>What to do after a false interruption (noise or a backchannel with no words following):
    /// true (default) speaks again the part of the answer the caller did not hear; false carries on listening.</summary>
    public bool ResumeAfterFalseInterruption { get; set; } = true;

    /// <summary>Short acknowledgements that do not take the turn ("угу", "uh-huh"). Compared case-insensitively after trimming punctuation.</summary>
    public List<string> Backchannels { get; set; } = ["угу", "ага", "ммм", "мм", "хм", "м", "uh-huh", "uh huh", "mhm", "mm-hmm", "mm", "hmm", "uh", "um"];
}
