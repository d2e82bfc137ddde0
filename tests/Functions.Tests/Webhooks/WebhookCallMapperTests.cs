using System.Text;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
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
}
