using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Configuration section "AgentEvents": the key the MediaHost signs its call events with. It is its
/// own key, not the LiveKit API secret, which never leaves the control plane.
/// </summary>
public sealed class AgentEventsOptions
{
    public const string SectionName = "AgentEvents";

    /// <summary>The key id (the JWT's iss). Default "mediahost".</summary>
    [Required]
    public string KeyId { get; set; } = "mediahost";

    /// <summary>The shared secret (HS256). Required; at least 32 characters.</summary>
    [Required, MinLength(32)]
    public string Secret { get; set; } = "";

    /// <summary>
    /// Rotation: the key id being retired. Events signed with it (and <see cref="PreviousSecret"/>) are still accepted
    /// while both are set, so MediaHosts can move to the new key one by one. It must differ from <see cref="KeyId"/>.
    /// Default: none.
    /// </summary>
    public string? PreviousKeyId { get; set; }

    /// <summary>Rotation: the secret of <see cref="PreviousKeyId"/>. Default: none (empty = no previous key).</summary>
    public string? PreviousSecret { get; set; }

    /// <summary>Largest event body in bytes. Default 256 KiB.</summary>
    [Range(1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Direct mode (no LiveKit: callers reach the MediaHost's SIP address themselves): the MediaHost's
    /// "answered" event for an unknown call records the call and starts its orchestration. Default false.
    /// </summary>
    public bool DirectMode { get; set; }

    /// <summary>The keys events are verified with: the current one, and the previous one during a rotation.</summary>
    public IReadOnlyDictionary<string, string> VerificationKeys() => SigningKeys.With(KeyId, Secret, PreviousKeyId, PreviousSecret);

    public override string ToString() => $"AgentEventsOptions {{ KeyId = {KeyId}, Secret = <redacted>, PreviousKeyId = {PreviousKeyId} }}";
}
