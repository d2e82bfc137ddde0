using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Tests.Agent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>
/// The control plane's CallAlreadyFinished hangs up a call still live on this host (in-process session), and nothing
/// else: not a call that is over here, not one it does not know, not for the reports we send once a call is over.
/// </summary>
public sealed class FinishedCallHangUpTests
{
    private const string CallId = "call-out-finished-1";

    private static AgentEventMessage Sent(AgentEventType type) =>
        new() { Id = $"mh-{CallId}-{type}", CallId = CallId, Type = type, OccurredAt = DateTimeOffset.UnixEpoch };

    private static (FinishedCallHangUp HangUp, LiveCallSessions Live, TestCallSession Session) Live()
    {
        var live = new LiveCallSessions();
        var session = new TestCallSession();
        live.Add(CallId, session);
        return (new FinishedCallHangUp(live, NullLogger<FinishedCallHangUp>.Instance), live, session);
    }

    [Theory]
    [InlineData(AgentEventType.Answered)]
    [InlineData(AgentEventType.Turn)]
    [InlineData(AgentEventType.Quality)]
    public async Task Live_call_whose_event_the_control_plane_answers_CallAlreadyFinished_is_hung_up_as_ControlPlaneFinished(AgentEventType type)
    {
        var (hangUp, _, session) = Live();

        Assert.True(await hangUp.OnAnswerAsync(Sent(type), ControlPlaneEventAnswer.CallAlreadyFinished).DefaultTimeout());

        Assert.Equal(CallEndReason.ControlPlaneFinished, session.HungUpWith);
        Assert.Equal(CallEndReason.ControlPlaneFinished, (await session.Ended.DefaultTimeout()).Reason);
        Assert.Equal(1, hangUp.HungUp);
    }

    [Theory]
    [InlineData(AgentEventType.Hangup)]
    [InlineData(AgentEventType.Recording)]
    [InlineData(AgentEventType.Summary)]
    public async Task CallAlreadyFinished_to_a_report_sent_at_or_after_the_end_hangs_up_nothing_even_while_the_session_lingers(AgentEventType type)
    {
        var (hangUp, _, session) = Live();

        Assert.False(await hangUp.OnAnswerAsync(Sent(type), ControlPlaneEventAnswer.CallAlreadyFinished).DefaultTimeout());

        Assert.Null(session.HungUpWith);
        Assert.False(session.Ended.IsCompleted);
    }

    [Fact]
    public async Task Call_that_is_over_here_or_unknown_is_left_alone()
    {
        var (hangUp, live, session) = Live();
        live.Remove(CallId, session);

        Assert.False(await hangUp.OnAnswerAsync(Sent(AgentEventType.Quality), ControlPlaneEventAnswer.CallAlreadyFinished).DefaultTimeout());
        Assert.False(await hangUp.OnAnswerAsync(Sent(AgentEventType.Answered) with { CallId = "call-unknown" }, ControlPlaneEventAnswer.CallAlreadyFinished).DefaultTimeout());

        Assert.Null(session.HungUpWith);
    }

    [Fact]
    public async Task Session_that_already_ended_is_not_hung_up_again()
    {
        var (hangUp, _, session) = Live();
        session.HangUpByCaller();

        Assert.False(await hangUp.OnAnswerAsync(Sent(AgentEventType.Turn), ControlPlaneEventAnswer.CallAlreadyFinished).DefaultTimeout());

        Assert.Equal(CallEndReason.CallerHangUp, (await session.Ended).Reason);
        Assert.Null(session.HungUpWith);
    }

    [Fact]
    public async Task Answer_that_started_or_raised_the_event_leaves_the_call_up()
    {
        var (hangUp, _, session) = Live();

        Assert.False(await hangUp.OnAnswerAsync(Sent(AgentEventType.Answered), "Started").DefaultTimeout());
        Assert.False(await hangUp.OnAnswerAsync(Sent(AgentEventType.Turn), "Raised").DefaultTimeout());
        Assert.False(await hangUp.OnAnswerAsync(Sent(AgentEventType.Turn), null).DefaultTimeout());

        Assert.Null(session.HungUpWith);
    }

    [Fact]
    public void Removing_an_earlier_session_under_the_same_id_keeps_the_later_one()
    {
        var live = new LiveCallSessions();
        var earlier = new TestCallSession();
        var later = new TestCallSession();
        live.Add(CallId, earlier);
        live.Add(CallId, later);

        live.Remove(CallId, earlier);

        Assert.True(live.TryGetLive(CallId, out var found));
        Assert.Same(later, found);
    }
}
