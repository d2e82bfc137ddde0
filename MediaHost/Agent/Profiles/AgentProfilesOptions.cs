using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent.Profiles;

/// <summary>
/// Where the MediaHost reads its per-number agents (configuration section "AgentProfiles"): the agents section of a
/// voice.yaml. Without a path every call gets the AiLoop settings as they are.
/// </summary>
public sealed class AgentProfilesOptions
{
    public const string Section = "AgentProfiles";

    /// <summary>Path of voice.yaml (only its agents section is read). Empty (default): no profiles. A file that fails
    /// validation at start stops the start; a later change that fails is refused and the previous agents stay.</summary>
    public string Path { get; set; } = "";

    /// <summary>How long the file must be quiet after a change before it is read again, in ms. Default 500: an editor's
    /// save (truncate, write, rename) is read once, whole.</summary>
    [Range(50, 10_000)]
    public int ReloadDelayMilliseconds { get; set; } = 500;

    /// <summary>The header that carries the called number when the INVITE's To is not it (LiveKit mode: LiveKit SIP
    /// dials the MediaHost's own SIP user). Default "X-VoiceFunctions-Called".</summary>
    [Required]
    public string CalledNumberHeader { get; set; } = "X-VoiceFunctions-Called";

    public TimeSpan ReloadDelay => TimeSpan.FromMilliseconds(ReloadDelayMilliseconds);
}
