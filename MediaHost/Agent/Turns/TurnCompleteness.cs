namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What the words so far say about whether the caller has finished.</summary>
public enum TurnCompleteness
{
    /// <summary>No words to judge (no transcript yet): the silence rule alone decides.</summary>
    Unknown,
    /// <summary>A complete question or answer ("what are your opening hours", "yes", "thank you").</summary>
    Complete,
    /// <summary>Words that usually end a sentence, but no clear sign either way.</summary>
    Neutral,
    /// <summary>Ends on a conjunction, preposition, article or filler ("I'd like to", "и", "э-э"): more is coming.</summary>
    Unfinished,
    /// <summary>Ends on a number: the caller is probably dictating digits and pausing between groups.</summary>
    Dictating,
    /// <summary>Far fewer words than the caller's speech could hold: the recogniser has not caught them, so they
    /// cannot show the caller has finished.</summary>
    WordsMissing,
}
