namespace VoiceFunctions.Shared.LiveKit.Api;

/// <summary>
/// Every method our clients call, with its retry rule. The rule, per kind of method:
/// <list type="bullet">
/// <item>List*/Get*: reads, always safe.</item>
/// <item>Delete*/Remove*/Stop*: safe: a repeat after a lost answer finds the thing gone (not_found) and does nothing twice.</item>
/// <item>Set-to-value updates (UpdateRoomMetadata, UpdateParticipant, MutePublishedTrack, UpdateIngress, trunk or
///   rule "replace"): safe, the second write stores the same value. Field-wise SIP updates with list
///   add/remove are not retried (a list change is not known to be idempotent on every server).</item>
/// <item>CreateRoom: safe by design: LiveKit returns the existing room when the name exists.</item>
/// <item>Other creates (trunks, dispatch rules, egress, ingress, agent dispatch) and SendData: never retried,
///   a repeat would make a duplicate (a second trunk, recording, agent or message).</item>
/// <item>CreateSIPParticipant and TransferSIPParticipant: never retried: once sent, a call may be ringing;
///   a retry could dial or transfer twice.</item>
/// </list>
/// </summary>
public static class LiveKitApiMethods
{
    private const string Room = "RoomService";
    private const string Sip = "SIP";
    private const string Egress = "Egress";
    private const string Ingress = "Ingress";
    private const string Agents = "AgentDispatchService";

    public static readonly TwirpMethod CreateRoom = new(Room, "CreateRoom", SafeToRepeat: true);
    public static readonly TwirpMethod ListRooms = new(Room, "ListRooms", SafeToRepeat: true);
    public static readonly TwirpMethod DeleteRoom = new(Room, "DeleteRoom", SafeToRepeat: true);
    public static readonly TwirpMethod ListParticipants = new(Room, "ListParticipants", SafeToRepeat: true);
    public static readonly TwirpMethod GetParticipant = new(Room, "GetParticipant", SafeToRepeat: true);
    public static readonly TwirpMethod RemoveParticipant = new(Room, "RemoveParticipant", SafeToRepeat: true);
    public static readonly TwirpMethod MutePublishedTrack = new(Room, "MutePublishedTrack", SafeToRepeat: true);
    public static readonly TwirpMethod UpdateParticipant = new(Room, "UpdateParticipant", SafeToRepeat: true);
    public static readonly TwirpMethod UpdateRoomMetadata = new(Room, "UpdateRoomMetadata", SafeToRepeat: true);
    public static readonly TwirpMethod SendData = new(Room, "SendData", SafeToRepeat: false);
    /// <summary>Set-to-value: a repeat asks for the same subscriptions again.</summary>
    public static readonly TwirpMethod UpdateSubscriptions = new(Room, "UpdateSubscriptions", SafeToRepeat: true);
    /// <summary>Not retried: after a lost answer the participant may already be in the destination room.</summary>
    public static readonly TwirpMethod ForwardParticipant = new(Room, "ForwardParticipant", SafeToRepeat: false);
    /// <summary>Not retried: after a lost answer the participant may already have moved.</summary>
    public static readonly TwirpMethod MoveParticipant = new(Room, "MoveParticipant", SafeToRepeat: false);
    /// <summary>Not retried: the participant's method would run twice.</summary>
    public static readonly TwirpMethod PerformRpc = new(Room, "PerformRpc", SafeToRepeat: false);

    public static readonly TwirpMethod CreateSipInboundTrunk = new(Sip, "CreateSIPInboundTrunk", SafeToRepeat: false);
    public static readonly TwirpMethod CreateSipOutboundTrunk = new(Sip, "CreateSIPOutboundTrunk", SafeToRepeat: false);
    public static readonly TwirpMethod GetSipInboundTrunk = new(Sip, "GetSIPInboundTrunk", SafeToRepeat: true);
    public static readonly TwirpMethod GetSipOutboundTrunk = new(Sip, "GetSIPOutboundTrunk", SafeToRepeat: true);
    public static readonly TwirpMethod ListSipInboundTrunk = new(Sip, "ListSIPInboundTrunk", SafeToRepeat: true);
    public static readonly TwirpMethod ListSipOutboundTrunk = new(Sip, "ListSIPOutboundTrunk", SafeToRepeat: true);
    /// <summary>Retried only when the request replaces the trunk as a whole (see the client).</summary>
    public static readonly TwirpMethod UpdateSipInboundTrunk = new(Sip, "UpdateSIPInboundTrunk", SafeToRepeat: true);
    /// <summary>Retried only when the request replaces the trunk as a whole (see the client).</summary>
    public static readonly TwirpMethod UpdateSipOutboundTrunk = new(Sip, "UpdateSIPOutboundTrunk", SafeToRepeat: true);
    public static readonly TwirpMethod DeleteSipTrunk = new(Sip, "DeleteSIPTrunk", SafeToRepeat: true);
    public static readonly TwirpMethod CreateSipDispatchRule = new(Sip, "CreateSIPDispatchRule", SafeToRepeat: false);
    /// <summary>Retried only when the request replaces the rule as a whole (see the client).</summary>
    public static readonly TwirpMethod UpdateSipDispatchRule = new(Sip, "UpdateSIPDispatchRule", SafeToRepeat: true);
    public static readonly TwirpMethod ListSipDispatchRule = new(Sip, "ListSIPDispatchRule", SafeToRepeat: true);
    public static readonly TwirpMethod DeleteSipDispatchRule = new(Sip, "DeleteSIPDispatchRule", SafeToRepeat: true);
    public static readonly TwirpMethod CreateSipParticipant = new(Sip, "CreateSIPParticipant", SafeToRepeat: false);
    public static readonly TwirpMethod TransferSipParticipant = new(Sip, "TransferSIPParticipant", SafeToRepeat: false);

    public static readonly TwirpMethod StartRoomCompositeEgress = new(Egress, "StartRoomCompositeEgress", SafeToRepeat: false);
    public static readonly TwirpMethod StartTrackEgress = new(Egress, "StartTrackEgress", SafeToRepeat: false);
    public static readonly TwirpMethod StartWebEgress = new(Egress, "StartWebEgress", SafeToRepeat: false);
    public static readonly TwirpMethod StartParticipantEgress = new(Egress, "StartParticipantEgress", SafeToRepeat: false);
    public static readonly TwirpMethod StartTrackCompositeEgress = new(Egress, "StartTrackCompositeEgress", SafeToRepeat: false);
    public static readonly TwirpMethod StartEgress = new(Egress, "StartEgress", SafeToRepeat: false);
    /// <summary>Set-to-value: the same layout again.</summary>
    public static readonly TwirpMethod UpdateLayout = new(Egress, "UpdateLayout", SafeToRepeat: true);
    /// <summary>Not retried: a list change (add/remove stream URLs), like the SIP list updates.</summary>
    public static readonly TwirpMethod UpdateStream = new(Egress, "UpdateStream", SafeToRepeat: false);
    public static readonly TwirpMethod StopEgress = new(Egress, "StopEgress", SafeToRepeat: true);
    public static readonly TwirpMethod ListEgress = new(Egress, "ListEgress", SafeToRepeat: true);

    public static readonly TwirpMethod CreateIngress = new(Ingress, "CreateIngress", SafeToRepeat: false);
    public static readonly TwirpMethod UpdateIngress = new(Ingress, "UpdateIngress", SafeToRepeat: true);
    public static readonly TwirpMethod ListIngress = new(Ingress, "ListIngress", SafeToRepeat: true);
    public static readonly TwirpMethod DeleteIngress = new(Ingress, "DeleteIngress", SafeToRepeat: true);

    public static readonly TwirpMethod CreateDispatch = new(Agents, "CreateDispatch", SafeToRepeat: false);
    public static readonly TwirpMethod ListDispatch = new(Agents, "ListDispatch", SafeToRepeat: true);
    public static readonly TwirpMethod DeleteDispatch = new(Agents, "DeleteDispatch", SafeToRepeat: true);

    /// <summary>Every method above, for tests that go through all of them.</summary>
    public static IReadOnlyList<TwirpMethod> All { get; } = typeof(LiveKitApiMethods)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(TwirpMethod))
        .Select(f => (TwirpMethod)f.GetValue(null)!)
        .ToArray();
}
