using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>What the agent does when the caller says nothing (media time while the agent is idle).</summary>
public sealed class SilenceOptions
{
    /// <summary>Re-prompt after this many seconds of silence (and again after each further period). Default 8 s.</summary>
    [Range(1, 600)]
    public int RepromptAfterSeconds { get; set; } = 8;

    /// <summary>Say goodbye and hang up after this many seconds of silence. Default 20 s. Must exceed <see cref="RepromptAfterSeconds"/>.</summary>
    [Range(2, 3_600)]
    public int HangUpAfterSeconds { get; set; } = 20;
}
