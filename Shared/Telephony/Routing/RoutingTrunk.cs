namespace VoiceFunctions.Shared.Telephony.Routing;

/// <summary>An inbound trunk as LiveKit matches it: from the deployment file or read back from the server.</summary>
public sealed record RoutingTrunk(
    string Id,
    string Name,
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> AllowedAddresses,
    IReadOnlyList<string> AllowedNumbers,
    bool HasDigestAuth);
