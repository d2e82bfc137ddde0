namespace VoiceFunctions.Shared.Telephony.Routing;

/// <summary>A dispatch rule as LiveKit matches it. <see cref="TrunkIds"/> empty = every trunk, and calls that matched none.</summary>
public sealed record RoutingRule(
    string Id,
    string Name,
    IReadOnlyList<string> TrunkIds,
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> CallerNumbers,
    bool HasPin);
