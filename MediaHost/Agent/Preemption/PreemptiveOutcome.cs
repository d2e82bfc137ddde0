namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What became of a preemptive answer (the outcome tag of turn.preemptive_answers and the turn record's value).</summary>
internal static class PreemptiveOutcome
{
    /// <summary>The turn ended with the same words: the answer was spoken.</summary>
    public const string Used = "used";

    /// <summary>The final words differed (or newer words replaced them): the answer was discarded unheard.</summary>
    public const string Changed = "changed";

    /// <summary>The caller went on speaking: the answer was discarded unheard.</summary>
    public const string Resumed = "resumed";

    /// <summary>Another turn or the end of the call came first.</summary>
    public const string Dropped = "dropped";
}
