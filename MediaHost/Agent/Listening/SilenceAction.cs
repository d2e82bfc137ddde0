namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What the silence watch asks for.</summary>
internal enum SilenceAction
{
    None,
    /// <summary>Ask the caller again whether they are there.</summary>
    Reprompt,
    /// <summary>Say goodbye and hang up.</summary>
    HangUp,
}
