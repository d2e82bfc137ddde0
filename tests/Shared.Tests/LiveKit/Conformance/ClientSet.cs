using VoiceFunctions.Shared.LiveKit.Api.Clients;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>The five API clients, as AddLiveKitApi composes them.</summary>
public sealed record ClientSet(RoomServiceClient Rooms, SipServiceClient Sip, EgressClient Egress, IngressClient Ingress, AgentDispatchClient Agents);
