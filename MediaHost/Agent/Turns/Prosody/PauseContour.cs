namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What the caller's pitch and loudness did just before a pause: how a sentence ends, with no words needed.</summary>
public enum PauseContour
{
    /// <summary>Too little voiced speech to tell (a short turn, whispering, a flat or noisy track), or prosody not used.</summary>
    Unknown,

    /// <summary>A final fall: the pitch came down to the bottom of the caller's range and the voice faded — how
    /// statements end.</summary>
    Final,

    /// <summary>Level or rising at the pause, above the bottom of the range — how a speaker holds the turn at a comma
    /// (and, in synthetic speech, how yes/no questions end, so this alone never ends a turn early).</summary>
    Continuing,
}
