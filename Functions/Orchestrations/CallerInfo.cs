namespace VoiceFunctions.Functions.Orchestrations;

/// <summary>The caller as LiveKit SIP describes it (participant identity and sip.* attributes).</summary>
public sealed record CallerInfo(string ParticipantIdentity, string? CallerNumber, string? CalledNumber, string? TrunkId);
