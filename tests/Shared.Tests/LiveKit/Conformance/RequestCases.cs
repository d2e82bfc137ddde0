using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Shared.Tests.LiveKit.Conformance;

/// <summary>
/// One call per client method, keyed by the Twirp method it sends ("Service/Method"). Request objects are
/// filled with every supported field (<see cref="RequestFiller"/>); plain arguments are given literally.
/// A method of LiveKitApiMethods with no entry here fails the conformance test.
/// </summary>
public static class RequestCases
{
    public static IReadOnlyDictionary<string, Func<ClientSet, RequestFiller, Task>> All { get; } = new Dictionary<string, Func<ClientSet, RequestFiller, Task>>
    {
        ["RoomService/CreateRoom"] = (c, f) => c.Rooms.CreateRoomAsync(f.Fill<CreateRoomRequest>("livekit.CreateRoomRequest")),
        ["RoomService/ListRooms"] = (c, _) => c.Rooms.ListRoomsAsync(["room-a", "room-b"]),
        ["RoomService/DeleteRoom"] = (c, _) => c.Rooms.DeleteRoomAsync("room-a"),
        ["RoomService/ListParticipants"] = (c, _) => c.Rooms.ListParticipantsAsync("room-a"),
        ["RoomService/GetParticipant"] = (c, _) => c.Rooms.GetParticipantAsync("room-a", "caller"),
        ["RoomService/RemoveParticipant"] = (c, _) => c.Rooms.RemoveParticipantAsync("room-a", "caller", new DateTimeOffset(2026, 12, 6, 12, 0, 0, TimeSpan.Zero)),
        ["RoomService/MutePublishedTrack"] = (c, _) => c.Rooms.MutePublishedTrackAsync("room-a", "caller", "TR_a", muted: true),
        ["RoomService/UpdateParticipant"] = (c, f) => c.Rooms.UpdateParticipantAsync(f.Fill<UpdateParticipantRequest>("livekit.UpdateParticipantRequest")),
        ["RoomService/UpdateRoomMetadata"] = (c, _) => c.Rooms.UpdateRoomMetadataAsync("room-a", "{\"lang\":\"ru\"}"),
        ["RoomService/SendData"] = (c, f) => c.Rooms.SendDataAsync(f.Fill<SendDataRequest>("livekit.SendDataRequest")),
        ["RoomService/UpdateSubscriptions"] = (c, f) => c.Rooms.UpdateSubscriptionsAsync(f.Fill<UpdateSubscriptionsRequest>("livekit.UpdateSubscriptionsRequest")),
        ["RoomService/ForwardParticipant"] = (c, _) => c.Rooms.ForwardParticipantAsync("room-a", "caller", "room-b"),
        ["RoomService/MoveParticipant"] = (c, _) => c.Rooms.MoveParticipantAsync("room-a", "caller", "room-b"),
        ["RoomService/PerformRpc"] = (c, f) => c.Rooms.PerformRpcAsync(f.Fill<PerformRpcRequest>("livekit.PerformRpcRequest")),

        ["SIP/CreateSIPInboundTrunk"] = (c, f) => c.Sip.CreateInboundTrunkAsync(f.Fill<SipInboundTrunkInfo>("livekit.SIPInboundTrunkInfo")),
        ["SIP/CreateSIPOutboundTrunk"] = (c, f) => c.Sip.CreateOutboundTrunkAsync(f.Fill<SipOutboundTrunkInfo>("livekit.SIPOutboundTrunkInfo")),
        ["SIP/GetSIPInboundTrunk"] = (c, _) => c.Sip.GetInboundTrunkAsync("ST_in"),
        ["SIP/GetSIPOutboundTrunk"] = (c, _) => c.Sip.GetOutboundTrunkAsync("ST_out"),
        ["SIP/ListSIPInboundTrunk"] = (c, f) => c.Sip.ListInboundTrunksAsync(f.Fill<ListSipInboundTrunkRequest>("livekit.ListSIPInboundTrunkRequest")),
        ["SIP/ListSIPOutboundTrunk"] = (c, f) => c.Sip.ListOutboundTrunksAsync(f.Fill<ListSipOutboundTrunkRequest>("livekit.ListSIPOutboundTrunkRequest")),
        ["SIP/UpdateSIPInboundTrunk"] = (c, f) => c.Sip.UpdateInboundTrunkAsync(f.Fill<UpdateSipInboundTrunkRequest>("livekit.UpdateSIPInboundTrunkRequest")),
        ["SIP/UpdateSIPOutboundTrunk"] = (c, f) => c.Sip.UpdateOutboundTrunkAsync(f.Fill<UpdateSipOutboundTrunkRequest>("livekit.UpdateSIPOutboundTrunkRequest")),
        ["SIP/DeleteSIPTrunk"] = (c, _) => c.Sip.DeleteTrunkAsync("ST_in"),
        ["SIP/CreateSIPDispatchRule"] = (c, f) => c.Sip.CreateDispatchRuleAsync(f.Fill<SipDispatchRuleInfo>("livekit.SIPDispatchRuleInfo")),
        ["SIP/UpdateSIPDispatchRule"] = (c, f) => c.Sip.UpdateDispatchRuleAsync(f.Fill<UpdateSipDispatchRuleRequest>("livekit.UpdateSIPDispatchRuleRequest")),
        ["SIP/ListSIPDispatchRule"] = (c, f) => c.Sip.ListDispatchRulesAsync(f.Fill<ListSipDispatchRuleRequest>("livekit.ListSIPDispatchRuleRequest")),
        ["SIP/DeleteSIPDispatchRule"] = (c, _) => c.Sip.DeleteDispatchRuleAsync("SDR_a"),
        ["SIP/CreateSIPParticipant"] = (c, f) => c.Sip.CreateSipParticipantAsync(f.Fill<CreateSipParticipantRequest>("livekit.CreateSIPParticipantRequest")),
        ["SIP/TransferSIPParticipant"] = (c, f) => c.Sip.TransferSipParticipantAsync(f.Fill<TransferSipParticipantRequest>("livekit.TransferSIPParticipantRequest")),

        ["Egress/StartRoomCompositeEgress"] = (c, f) => c.Egress.StartRoomCompositeEgressAsync(f.Fill<RoomCompositeEgressRequest>("livekit.RoomCompositeEgressRequest")),
        ["Egress/StartTrackEgress"] = (c, f) => c.Egress.StartTrackEgressAsync(f.Fill<TrackEgressRequest>("livekit.TrackEgressRequest")),
        ["Egress/StartWebEgress"] = (c, f) => c.Egress.StartWebEgressAsync(f.Fill<WebEgressRequest>("livekit.WebEgressRequest")),
        ["Egress/StartParticipantEgress"] = (c, f) => c.Egress.StartParticipantEgressAsync(f.Fill<ParticipantEgressRequest>("livekit.ParticipantEgressRequest")),
        ["Egress/StartTrackCompositeEgress"] = (c, f) => c.Egress.StartTrackCompositeEgressAsync(f.Fill<TrackCompositeEgressRequest>("livekit.TrackCompositeEgressRequest")),
        ["Egress/StartEgress"] = (c, f) => c.Egress.StartEgressAsync(f.Fill<StartEgressRequest>("livekit.StartEgressRequest")),
        ["Egress/UpdateLayout"] = (c, _) => c.Egress.UpdateLayoutAsync("EG_a", "speaker"),
        ["Egress/UpdateStream"] = (c, f) => c.Egress.UpdateStreamAsync(f.Fill<UpdateStreamRequest>("livekit.UpdateStreamRequest")),
        ["Egress/StopEgress"] = (c, _) => c.Egress.StopEgressAsync("EG_a"),
        ["Egress/ListEgress"] = (c, f) => c.Egress.ListEgressAsync(f.Fill<ListEgressRequest>("livekit.ListEgressRequest")),

        ["Ingress/CreateIngress"] = (c, f) => c.Ingress.CreateIngressAsync(f.Fill<CreateIngressRequest>("livekit.CreateIngressRequest")),
        ["Ingress/UpdateIngress"] = (c, f) => c.Ingress.UpdateIngressAsync(f.Fill<UpdateIngressRequest>("livekit.UpdateIngressRequest")),
        ["Ingress/ListIngress"] = (c, f) => c.Ingress.ListIngressAsync(f.Fill<ListIngressRequest>("livekit.ListIngressRequest")),
        ["Ingress/DeleteIngress"] = (c, _) => c.Ingress.DeleteIngressAsync("IN_a"),

        ["AgentDispatchService/CreateDispatch"] = (c, f) => c.Agents.CreateDispatchAsync(f.Fill<CreateAgentDispatchRequest>("livekit.CreateAgentDispatchRequest")),
        ["AgentDispatchService/ListDispatch"] = (c, _) => c.Agents.ListDispatchAsync("room-a", "AD_a"),
        ["AgentDispatchService/DeleteDispatch"] = (c, _) => c.Agents.DeleteDispatchAsync("AD_a", "room-a"),
    };
}
