using VoiceFunctions.Shared.Telephony.Routing;

namespace VoiceFunctions.Cli.Simulation;

/// <summary>An inbound trunk as the walk needs it: LiveKit's matching view, where it is written, and its digest user.</summary>
/// <param name="AuthUser">The user name the trunk expects; null when the trunk has no auth or the user could not be read.</param>
/// <param name="AuthUnknown">Why the user is not known although auth is required (a variable not set), else null.</param>
public sealed record SimTrunk(RoutingTrunk Routing, int? Line, string? AuthUser, string? AuthUnknown);
