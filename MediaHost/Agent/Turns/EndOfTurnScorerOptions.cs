using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The total silence after speech that ends a turn, by what the interim transcript says (see
/// <see cref="TranscriptEndOfTurnScorer"/>). All in ms of media time. The endpointer first asks the scorer at
/// <see cref="EndpointingOptions.ModelCheckSilenceMs"/> of silence (again when a newer interim arrives) and never waits
/// past <see cref="EndpointingOptions.MaxWaitMs"/>, so for the short complete-turn wait to apply, ModelCheckSilenceMs
/// must be no longer than <see cref="CompleteSilenceMs"/>. With no words to judge, the plain silence rule
/// (<see cref="EndpointingOptions.SilenceMs"/>) applies.
/// </summary>
public sealed class EndOfTurnScorerOptions
{
    public const int DefaultCompleteSilenceMs = 250;
    public const int DefaultNeutralSilenceMs = 500;
    public const int DefaultUnfinishedSilenceMs = 2_000;
    public const int DefaultDictatingSilenceMs = 2_500;
    public const int DefaultTooFewLettersSilenceMs = 1_300;
    public const double DefaultMinLettersPerSecond = 0;
    public const int DefaultFinalContourSilenceMs = 500;
    public const int DefaultContinuingContourSilenceMs = 1_300;

    /// <summary>After a complete question or answer. Default 250 ms: a person answers about 200 ms after the other stops.</summary>
    [Range(100, 3_000)]
    public int CompleteSilenceMs { get; set; } = DefaultCompleteSilenceMs;

    /// <summary>When the words give no clear sign. Default 500 ms, the plain silence rule's classic value.</summary>
    [Range(100, 5_000)]
    public int NeutralSilenceMs { get; set; } = DefaultNeutralSilenceMs;

    /// <summary>After a trailing conjunction, preposition or filler. Default 2 s: callers pause mid-sentence to think
    /// for 0.4–1.2 s, and being cut off costs more than waiting.</summary>
    [Range(100, 10_000)]
    public int UnfinishedSilenceMs { get; set; } = DefaultUnfinishedSilenceMs;

    /// <summary>After a number: digits are dictated in groups with pauses. Default 2.5 s.</summary>
    [Range(100, 10_000)]
    public int DictatingSilenceMs { get; set; } = DefaultDictatingSilenceMs;

    /// <summary>Fewer letters in the partial than the caller's voiced time could hold (<see cref="MinLettersPerSecond"/>):
    /// the recogniser has not caught the words (a grammar search forces speech outside the dialog's phrases into a
    /// word or two), so they cannot show the turn is over. Default 1.3 s, as where no recogniser hears the language:
    /// longer than a caller's 0.4–1.2 s thinking pause.</summary>
    [Range(100, 10_000)]
    public int TooFewLettersSilenceMs { get; set; } = DefaultTooFewLettersSilenceMs;

    /// <summary>Letters per second of voiced speech below which the partial is taken as missing words (4 is a fair value:
    /// speech runs about 12–15 letters a second, "yes" in 0.3 s is 10). Default 0, off: with the pause contour on
    /// (<see cref="EndpointingOptions.UsePauseContour"/>) the caller's rising pitch already holds a turn whose one or two
    /// words say nothing, and the rule cost ~1 s on complete questions the loaded recogniser turned into one word
    /// (bench/results/conversation-load.md, session 8: en cut-offs 1/20 with it, 0/20 without; end-of-turn delay p50
    /// 1,300 ms with it, 260 ms without).</summary>
    [Range(0.0, 20.0)]
    public double MinLettersPerSecond { get; set; } = DefaultMinLettersPerSecond;

    /// <summary>With no words to judge (none, or too few: <see cref="MinLettersPerSecond"/>) and a final fall in the
    /// caller's voice (<see cref="PauseContour.Final"/>: pitch down to the bottom of the turn's range, voice fading).
    /// Default 500 ms, the plain silence rule's value: a final fall is at least as good a sign as words with no sign either
    /// way, but not as sure as a complete question's words (250 ms).</summary>
    [Range(100, 10_000)]
    public int FinalContourSilenceMs { get; set; } = DefaultFinalContourSilenceMs;

    /// <summary>With no words to judge, or words with no sign either way, and a level or rising pitch at the pause
    /// (<see cref="PauseContour.Continuing"/>: how a speaker holds the turn at a comma). Default 1.3 s, as with no words:
    /// longer than a caller's 0.4–1.2 s thinking pause. Synthetic yes/no questions rise too, so this can delay them.</summary>
    [Range(100, 10_000)]
    public int ContinuingContourSilenceMs { get; set; } = DefaultContinuingContourSilenceMs;

    /// <summary>Whether a final fall alone may shorten the wait where no recogniser hears the call's language (no words
    /// ever: the offline default outside English). Default false: measured on espeak-ng Russian, whose comma and full-stop
    /// contours are nearly alike, it cut off 1 of 20 paused sentences (0 without) and shortened 1 of 4 complete questions
    /// (bench/results/conversation-load.md, session 8). A rising or level pitch still holds the turn.</summary>
    public bool FinalContourWithoutWords { get; set; }
}
