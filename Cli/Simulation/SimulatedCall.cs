using System.Net;

namespace VoiceFunctions.Cli.Simulation;

/// <summary>One inbound call to simulate: From and To users as the carrier sends them, where from, over what, as whom.</summary>
/// <param name="Source">The INVITE's source address; null = assume an allowed one.</param>
/// <param name="AuthUser">The digest user the carrier answers a challenge with; null = it sends no credentials.</param>
public sealed record SimulatedCall(string From, string To, IPAddress? Source, SimulatedTransport Transport, string? AuthUser);
