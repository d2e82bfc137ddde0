namespace VoiceFunctions.Shared.LiveKit.Webhooks.Models;

/// <summary>LiveKit's ParticipantInfo as webhooks carry it (fields at their default are left out on the wire).</summary>
public sealed class ParticipantInfo
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>();

    public string? Sid { get; init; }
    public string? Identity { get; init; }
    public string? Name { get; init; }
    public string? Metadata { get; init; }
    public ParticipantState State { get; init; }
    /// <summary>Absent means <see cref="ParticipantKind.Standard"/>; SIP callers are <see cref="ParticipantKind.Sip"/>.</summary>
    public ParticipantKind Kind { get; init; }
    /// <summary>The kind exactly as sent (e.g. <c>SIP</c>), so a kind newer than this code is not lost.</summary>
    public string KindName { get; init; } = "STANDARD";
    public DateTimeOffset? JoinedAt { get; init; }
    public long JoinedAtMs { get; init; }
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = NoAttributes;
    public IReadOnlyList<TrackInfo> Tracks { get; init; } = [];
    public string? Region { get; init; }
    public bool IsPublisher { get; init; }
    /// <summary>The DisconnectReason name (e.g. <c>CLIENT_INITIATED</c>), when one was sent.</summary>
    public string? DisconnectReason { get; init; }

    public bool IsSip => Kind == ParticipantKind.Sip;
    public bool IsAgent => Kind == ParticipantKind.Agent;

    /// <summary>The <c>sip.*</c> attributes the LiveKit SIP bridge sets on a caller.</summary>
    public SipParticipantAttributes Sip => new(Attributes);
}
