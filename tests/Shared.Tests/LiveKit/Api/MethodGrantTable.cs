using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>
/// For every method our clients call: how to call it through our client, a minimal request body, the
/// grant LiveKit requires (wire reference §2.6, as JSON claims) and tokens that must be refused because
/// they lack exactly that grant while holding every other one.
/// </summary>
internal static class MethodGrantTable
{
    public const string Room = "grant-room";

    public sealed record Entry(TwirpMethod Method, Func<ApiHarness, Task> CallThroughClient, string Body, string ExpectedClaims, TwirpGrant[] Refused);

    private static VideoGrant AllVideo(string room) => new()
    {
        RoomCreate = true, RoomList = true, RoomRecord = true, RoomAdmin = true, Room = room, IngressAdmin = true, RoomJoin = false,
    };

    private static TwirpGrant AllBut(Action<VideoGrant>? video = null, Action<SipGrant>? sip = null)
    {
        var v = AllVideo(Room);
        video?.Invoke(v);
        var s = new SipGrant { Admin = true, Call = true };
        sip?.Invoke(s);
        return new TwirpGrant(v, s);
    }

    private static readonly TwirpGrant[] NotRoomCreate = [AllBut(v => v.RoomCreate = false)];
    private static readonly TwirpGrant[] NotRoomList = [AllBut(v => v.RoomList = false)];
    private static readonly TwirpGrant[] NotRoomRecord = [AllBut(v => v.RoomRecord = false)];
    private static readonly TwirpGrant[] NotIngressAdmin = [AllBut(v => v.IngressAdmin = false)];
    private static readonly TwirpGrant[] NotSipAdmin = [AllBut(sip: s => s.Admin = false)];
    private static readonly TwirpGrant[] NotSipCall = [AllBut(sip: s => s.Call = false)];
    private static readonly TwirpGrant[] NotAdminOfRoom = [AllBut(v => v.Room = "another-room"), AllBut(v => v.RoomAdmin = false)];
    private static readonly TwirpGrant[] NotCallAndAdminOfRoom = [AllBut(sip: s => s.Call = false), AllBut(v => v.Room = "another-room")];

    private static readonly TwirpGrant[] NotAdminOfBothRooms =
    [
        AllBut(v => v.DestinationRoom = null),
        AllBut(v => v.DestinationRoom = "a-third-room"),
        AllBut(v => { v.Room = "another-room"; v.DestinationRoom = "other-room"; }),
    ];

    private const string RoomToRoomClaims = """{"video":{"roomAdmin":true,"room":"grant-room","destinationRoom":"other-room"}}""";
    private const string RoomCreateClaims = """{"video":{"roomCreate":true}}""";
    private const string RoomAdminClaims = """{"video":{"roomAdmin":true,"room":"grant-room"}}""";
    private const string SipAdminClaims = """{"sip":{"admin":true}}""";
    private const string RoomRecordClaims = """{"video":{"roomRecord":true}}""";
    private const string IngressAdminClaims = """{"video":{"ingressAdmin":true}}""";
    private const string RoomBody = """{"room":"grant-room"}""";

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        new(LiveKitApiMethods.CreateRoom, a => a.Rooms.CreateRoomAsync(new CreateRoomRequest { Name = Room }), """{"name":"grant-room"}""", RoomCreateClaims, NotRoomCreate),
        new(LiveKitApiMethods.ListRooms, a => a.Rooms.ListRoomsAsync(), "{}", """{"video":{"roomList":true}}""", NotRoomList),
        new(LiveKitApiMethods.DeleteRoom, a => a.Rooms.DeleteRoomAsync(Room), RoomBody, RoomCreateClaims, NotRoomCreate),
        new(LiveKitApiMethods.ListParticipants, a => a.Rooms.ListParticipantsAsync(Room), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.GetParticipant, a => a.Rooms.GetParticipantAsync(Room, "p"), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.RemoveParticipant, a => a.Rooms.RemoveParticipantAsync(Room, "p"), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.MutePublishedTrack, a => a.Rooms.MutePublishedTrackAsync(Room, "p", "TR_x", true), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.UpdateParticipant, a => a.Rooms.UpdateParticipantAsync(new UpdateParticipantRequest { Room = Room, Identity = "p" }), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.UpdateRoomMetadata, a => a.Rooms.UpdateRoomMetadataAsync(Room, "m"), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.SendData, a => a.Rooms.SendDataAsync(new SendDataRequest { Room = Room, Data = [1] }), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.UpdateSubscriptions, a => a.Rooms.UpdateSubscriptionsAsync(new UpdateSubscriptionsRequest { Room = Room, Identity = "p", TrackSids = ["TR_x"], Subscribe = true }),
            RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.ForwardParticipant, a => a.Rooms.ForwardParticipantAsync(Room, "p", "other-room"),
            """{"room":"grant-room","destinationRoom":"other-room"}""", RoomToRoomClaims, NotAdminOfBothRooms),
        new(LiveKitApiMethods.MoveParticipant, a => a.Rooms.MoveParticipantAsync(Room, "p", "other-room"),
            """{"room":"grant-room","destinationRoom":"other-room"}""", RoomToRoomClaims, NotAdminOfBothRooms),
        new(LiveKitApiMethods.PerformRpc, a => a.Rooms.PerformRpcAsync(new PerformRpcRequest { Room = Room, DestinationIdentity = "p", Method = "m" }), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.CreateSipInboundTrunk, a => a.Sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo { Numbers = ["+1555"] }), """{"trunk":{}}""", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.CreateSipOutboundTrunk, a => a.Sip.CreateOutboundTrunkAsync(new SipOutboundTrunkInfo { Address = "h", Numbers = ["+1555"] }), """{"trunk":{}}""", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.GetSipInboundTrunk, a => a.Sip.GetInboundTrunkAsync("ST_x"), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.GetSipOutboundTrunk, a => a.Sip.GetOutboundTrunkAsync("ST_x"), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.ListSipInboundTrunk, a => a.Sip.ListInboundTrunksAsync(), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.ListSipOutboundTrunk, a => a.Sip.ListOutboundTrunksAsync(), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.UpdateSipInboundTrunk, a => a.Sip.UpdateInboundTrunkAsync(new UpdateSipInboundTrunkRequest { SipTrunkId = "ST_x", Replace = new() }), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.UpdateSipOutboundTrunk, a => a.Sip.UpdateOutboundTrunkAsync(new UpdateSipOutboundTrunkRequest { SipTrunkId = "ST_x", Replace = new() }), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.DeleteSipTrunk, a => a.Sip.DeleteTrunkAsync("ST_x"), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.CreateSipDispatchRule, a => a.Sip.CreateDispatchRuleAsync(new SipDispatchRuleInfo()), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.UpdateSipDispatchRule, a => a.Sip.UpdateDispatchRuleAsync(new UpdateSipDispatchRuleRequest { SipDispatchRuleId = "SDR_x", Replace = new() }), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.ListSipDispatchRule, a => a.Sip.ListDispatchRulesAsync(), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.DeleteSipDispatchRule, a => a.Sip.DeleteDispatchRuleAsync("SDR_x"), "{}", SipAdminClaims, NotSipAdmin),
        new(LiveKitApiMethods.CreateSipParticipant, a => a.Sip.CreateSipParticipantAsync(new CreateSipParticipantRequest { SipTrunkId = "ST_x", SipCallTo = "1", RoomName = Room }), "{}", """{"sip":{"call":true}}""", NotSipCall),
        new(LiveKitApiMethods.TransferSipParticipant, a => a.Sip.TransferSipParticipantAsync(new TransferSipParticipantRequest { RoomName = Room, ParticipantIdentity = "p", TransferTo = "tel:1" }),
            """{"roomName":"grant-room"}""", """{"video":{"roomAdmin":true,"room":"grant-room"},"sip":{"call":true}}""", NotCallAndAdminOfRoom),
        new(LiveKitApiMethods.StartRoomCompositeEgress, a => a.Egress.StartRoomCompositeEgressAsync(new RoomCompositeEgressRequest { RoomName = Room }), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.StartTrackEgress, a => a.Egress.StartTrackEgressAsync(new TrackEgressRequest { RoomName = Room, TrackId = "TR_x", WebsocketUrl = "ws://127.0.0.1:9" }), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.StartWebEgress, a => a.Egress.StartWebEgressAsync(new WebEgressRequest { Url = "https://example.invalid/" }), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.StartParticipantEgress, a => a.Egress.StartParticipantEgressAsync(new ParticipantEgressRequest { RoomName = Room, Identity = "p" }), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.StartTrackCompositeEgress, a => a.Egress.StartTrackCompositeEgressAsync(new TrackCompositeEgressRequest { RoomName = Room, AudioTrackId = "TR_x" }), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.StartEgress, a => a.Egress.StartEgressAsync(new StartEgressRequest { RoomName = Room }), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.UpdateLayout, a => a.Egress.UpdateLayoutAsync("EG_x", "speaker"), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.UpdateStream, a => a.Egress.UpdateStreamAsync(new UpdateStreamRequest { EgressId = "EG_x", AddOutputUrls = ["rtmp://127.0.0.1/x"] }), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.StopEgress, a => a.Egress.StopEgressAsync("EG_x"), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.ListEgress, a => a.Egress.ListEgressAsync(), "{}", RoomRecordClaims, NotRoomRecord),
        new(LiveKitApiMethods.CreateIngress, a => a.Ingress.CreateIngressAsync(new CreateIngressRequest { RoomName = Room }), "{}", IngressAdminClaims, NotIngressAdmin),
        new(LiveKitApiMethods.UpdateIngress, a => a.Ingress.UpdateIngressAsync(new UpdateIngressRequest { IngressId = "IN_x" }), "{}", IngressAdminClaims, NotIngressAdmin),
        new(LiveKitApiMethods.ListIngress, a => a.Ingress.ListIngressAsync(), "{}", IngressAdminClaims, NotIngressAdmin),
        new(LiveKitApiMethods.DeleteIngress, a => a.Ingress.DeleteIngressAsync("IN_x"), "{}", IngressAdminClaims, NotIngressAdmin),
        new(LiveKitApiMethods.CreateDispatch, a => a.Agents.CreateDispatchAsync(new CreateAgentDispatchRequest { Room = Room, AgentName = "a" }), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.ListDispatch, a => a.Agents.ListDispatchAsync(Room), RoomBody, RoomAdminClaims, NotAdminOfRoom),
        new(LiveKitApiMethods.DeleteDispatch, a => a.Agents.DeleteDispatchAsync("AD_x", Room), RoomBody, RoomAdminClaims, NotAdminOfRoom),
    ];

    public static IEnumerable<object[]> Names() => Entries.Select(e => new object[] { e.Method.FullName });

    public static Entry Get(string fullName) => Entries.Single(e => e.Method.FullName == fullName);
}
