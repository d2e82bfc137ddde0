using System.Text;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Webhooks.Parsing;

namespace VoiceFunctions.Functions.Tests.Webhooks;

/// <summary>The pure mapping from a LiveKit webhook to what it means for a call.</summary>
public sealed class WebhookCallMapperTests
{
    private const string Room = "call-_+79990001122_m";
    private static readonly WebhookCallMapper Mapper = new("call-", "agent-");

    private static CallRoute? Map(byte[] body)
    {
        var parsed = WebhookEventParser.Parse(body);
        Assert.True(parsed.IsValid, parsed.Message);
        return Mapper.Map(parsed.Event, DateTimeOffset.UnixEpoch);
    }

    [Fact]
    public void Sip_caller_joining_starts_the_call_with_its_numbers_and_trunk()
    {
        var route = Map(WebhookBodies.CallerJoined(Room))!;
        Assert.True(route.StartIfMissing);
        Assert.Equal(new CallerInfo("sip_+79990001122", "+79990001122", "+74950000000", "ST_in"), route.Caller);
        Assert.Equal(CallEventKind.CallerJoined, route.Event!.Kind);
    }

    [Fact]
    public void Agent_leg_still_dialing_is_not_an_answer_but_an_active_one_is()
    {
        Assert.Null(Map(WebhookBodies.SipAgentJoined(Room, "dialing")));
        Assert.Equal(CallEventKind.AgentAnswered, Map(WebhookBodies.SipAgentJoined(Room, "active"))!.Event!.Kind);
    }

    [Fact]
    public void Livekit_agent_joining_is_an_answer()
    {
        var body = Encoding.UTF8.GetBytes($$"""{"event":"participant_joined","room":{"name":"{{Room}}"},"participant":{"identity":"voice-agent","kind":"AGENT"},"id":"EV_a"}""");
        Assert.Equal(CallEventKind.AgentAnswered, Map(body)!.Event!.Kind);
    }

    [Fact]
    public void Caller_and_room_ends_become_call_events_that_never_start_a_call()
    {
        var left = Map(WebhookBodies.CallerLeft(Room))!;
        var finished = Map(WebhookBodies.RoomFinished(Room))!;
        Assert.Equal((CallEventKind.CallerLeft, false), (left.Event!.Kind, left.StartIfMissing));
        Assert.Equal((CallEventKind.RoomFinished, false), (finished.Event!.Kind, finished.StartIfMissing));
    }

    [Fact]
    public void Rooms_without_the_call_prefix_and_standard_participants_are_ignored()
    {
        Assert.Null(Map(WebhookBodies.RoomStarted("standup")));
        var browser = Encoding.UTF8.GetBytes($$"""{"event":"participant_joined","room":{"name":"{{Room}}"},"participant":{"identity":"operator"},"id":"EV_b"}""");
        Assert.Null(Map(browser));
    }

    [Fact]
    public void Event_time_comes_from_the_webhook_created_at()
    {
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1771351901), Map(WebhookBodies.CallerJoined(Room))!.OccurredAt);
    }

    [Fact]
    public void Egress_webhook_without_a_room_object_is_routed_by_the_egress_room_as_a_recording_update()
    {
        var route = Map(WebhookBodies.Egress("egress_ended", Room, "EG_1", "EGRESS_COMPLETE", 1771351991000000000, fileLocation: "https://store/calls/EG_1.ogg"))!;

        Assert.False(route.StartIfMissing);
        Assert.Equal(CallEventKind.RecordingUpdated, route.Event!.Kind);
        Assert.Equal(
            new CallRecording("EG_1", "Complete", Ended: true, "https://store/calls/EG_1.ogg", Error: null, DateTimeOffset.FromUnixTimeSeconds(1771351991), TimeSpan.FromSeconds(61), 48213),
            route.Event.Recording);
    }

    [Fact]
    public void Failed_egress_carries_livekit_error_and_counts_as_ended()
    {
        var recording = Map(WebhookBodies.Egress("egress_updated", Room, "EG_2", "EGRESS_FAILED", 1771351991000000000, error: "upload failed"))!.Event!.Recording!;

        Assert.Equal(("Failed", true, "upload failed", (string?)null), (recording.Status, recording.Ended, recording.Error, recording.Location));
    }

    [Fact]
    public void Egress_of_a_room_that_is_not_a_call_is_ignored()
    {
        Assert.Null(Map(WebhookBodies.Egress("egress_started", "standup", "EG_3", "EGRESS_STARTING", 1771351905000000000)));
    }

    [Fact]
    public void Recording_reports_folded_out_of_order_never_reopen_an_ended_egress()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1771351900);
        var active = new CallRecording("EG_1", "Active", false, null, null, at.AddSeconds(1));
        var complete = new CallRecording("EG_1", "Complete", true, "https://store/a.ogg", null, at.AddSeconds(60));
        var lateActive = active with { UpdatedAt = at.AddSeconds(30) };

        Assert.Same(complete, CallRecording.Fold(CallRecording.Fold(active, complete), lateActive));
        Assert.Same(complete, CallRecording.Fold(complete, active));
        var second = new CallRecording("EG_2", "Starting", false, null, null, at);
        Assert.Same(second, CallRecording.Fold(complete, second)); // the room recorded again
    }
}
