namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's ParticipantInfo as webhooks carry it (fields at their default are left out on the wire).</summary>
public sealed class ParticipantInfo
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    public string? Sid { get; set; }
    public string? Identity { get; set; }
    public string? Name { get; set; }
    public string? Metadata { get; set; }
    public ParticipantState State { get; set; }
    /// <summary>Absent means <see cref="ParticipantKind.Standard"/>; SIP callers are <see cref="ParticipantKind.Sip"/>.</summary>
    public ParticipantKind Kind { get; set; }
    /// <summary>The kind exactly as sent (e.g. <c>SIP</c>), so a kind newer than this code is not lost.</summary>
    public string KindName { get; set; } = "STANDARD";
    public DateTimeOffset? JoinedAt { get; set; }
    public long JoinedAtMs { get; set; }
    public IReadOnlyDictionary<string, string> Attributes { get; set; } = NoAttributes;
    public IReadOnlyList<TrackInfo> Tracks { get; set; } = [];
    public string? Region { get; set; }
    public bool IsPublisher { get; set; }
    /// <summary>The DisconnectReason name (e.g. <c>CLIENT_INITIATED</c>), when one was sent.</summary>
    public string? DisconnectReason { get; set; }

    public bool IsSip => Kind == ParticipantKind.Sip;
    public bool IsAgent => Kind == ParticipantKind.Agent;

    /// <summary>The <c>sip.*</c> attributes the LiveKit SIP bridge sets on a caller.</summary>
    public SipParticipantAttributes Sip => new(Attributes);
}
