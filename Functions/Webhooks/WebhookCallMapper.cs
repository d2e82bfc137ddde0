using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit;
using VoiceFunctions.Shared.LiveKit.Webhooks.Models;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Webhooks;

/// <summary>
/// Decides what a verified LiveKit webhook means for a call (pure: no I/O). Only rooms named with the
/// call prefix are calls. The caller is the SIP participant that is not our agent; the agent is a
/// participant of kind AGENT, or a SIP participant that carries our agent identity prefix.
/// </summary>
public sealed class WebhookCallMapper(string roomPrefix, string agentIdentityPrefix)
{
    /// <summary>Returns the route, or null when the event does not concern a call.</summary>
    public CallRoute? Map(WebhookEvent e, DateTimeOffset receivedAt)
    {
        // Egress webhooks carry no room object: the room is named in the egress info.
        var roomName = e.Room?.Name ?? e.EgressInfo?.RoomName;
        if (string.IsNullOrEmpty(roomName) || !roomName.StartsWith(roomPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var callId = CallIds.FromRoomName(roomName);
        var at = e.CreatedAt ?? receivedAt;
        // A call we placed is the outbound orchestration's until the callee answers: its dial's answer starts the call
        // (AnsweredCallStarter). LiveKit SIP creates the room and puts the callee in it while still dialing or ringing.
        var placed = OutboundCallIds.IsOutbound(callId);
        CallEvent Raise(CallEventKind kind, CallerInfo? caller = null) =>
            new(kind, at) { SourceEventId = e.Id, ParticipantIdentity = e.Participant?.Identity, Caller = caller };

        switch (e.Type)
        {
            case WebhookEventType.RoomStarted when placed:
                return null;
            case WebhookEventType.RoomStarted:
                return new CallRoute(callId, roomName, at, StartIfMissing: true, Caller: null, Event: null);
            case WebhookEventType.RoomFinished:
                return new CallRoute(callId, roomName, at, false, null, Raise(CallEventKind.RoomFinished));
            case WebhookEventType.EgressStarted or WebhookEventType.EgressUpdated or WebhookEventType.EgressEnded:
                return EgressRecordingReader.Read(e, at) is { } recording
                    ? new CallRoute(callId, roomName, at, false, null, Raise(CallEventKind.RecordingUpdated) with { Recording = recording })
                    : null;
        }

        var participant = e.Participant;
        if (participant is null)
        {
            return null;
        }
        var isAgent = IsAgent(participant);
        var isCaller = participant.IsSip && !isAgent;
        switch (e.Type)
        {
            case WebhookEventType.ParticipantJoined when isCaller && placed && participant.Sip.CallStatus is not (null or "active"):
                return null; // the callee still dialing or ringing has not answered
            case WebhookEventType.ParticipantJoined when isCaller:
                // sip.phoneNumber is the far end's number and sip.trunkPhoneNumber ours. On a call we placed the far end is
                // the callee, so the record names our number as the caller and the callee as the called number.
                var caller = OutboundCallIds.IsOutbound(callId)
                    ? new CallerInfo(participant.Identity ?? "", participant.Sip.TrunkPhoneNumber, participant.Sip.PhoneNumber, participant.Sip.TrunkId)
                    : new CallerInfo(participant.Identity ?? "", participant.Sip.PhoneNumber, participant.Sip.TrunkPhoneNumber, participant.Sip.TrunkId);
                return new CallRoute(callId, roomName, at, StartIfMissing: true, caller, Raise(CallEventKind.CallerJoined, caller));
            case WebhookEventType.ParticipantJoined when isAgent && AgentAudioUp(participant):
            case WebhookEventType.TrackPublished when isAgent:
                return new CallRoute(callId, roomName, at, false, null, Raise(CallEventKind.AgentAnswered));
            case WebhookEventType.ParticipantLeft or WebhookEventType.ParticipantConnectionAborted when isCaller:
                // A callee of ours may leave between its answer and the start of the call's orchestration (the dial's
                // answer starts it, a few Durable steps later): kept for that start rather than dropped.
                return new CallRoute(callId, roomName, at, false, null, Raise(CallEventKind.CallerLeft), KeepUntilStarted: placed);
            case WebhookEventType.ParticipantLeft or WebhookEventType.ParticipantConnectionAborted when isAgent:
                return new CallRoute(callId, roomName, at, false, null, Raise(CallEventKind.AgentLeft));
            default:
                return null;
        }
    }

    private bool IsAgent(ParticipantInfo p) =>
        p.IsAgent
        || (p.IsSip && p.Attributes.TryGetValue(SipAgentDispatcher.RoleAttribute, out var role) && role == "agent")
        || (p.IsSip && p.Identity is { } id && id.StartsWith(agentIdentityPrefix, StringComparison.Ordinal));

    // A LiveKit agent is in the room with its audio once it joined. Our SIP agent leg joins while it is
    // still dialing the MediaHost: it counts as answered only once LiveKit SIP reports the call active
    // (or, later, by its track being published, or by the MediaHost's own "answered" event).
    private static bool AgentAudioUp(ParticipantInfo p) =>
        p.IsAgent || p.Sip.CallStatus is null or "active";
}
