using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>
/// Which of our events, answered CallAlreadyFinished, mean the call must be hung up: those sent while the call is in
/// progress; never those sent once it is over (their lateness is expected). Every event type is classified here.
/// </summary>
public sealed class FinishedCallRuleTests
{
    public static TheoryData<AgentEventType, bool> EveryEventType => new()
    {
        { AgentEventType.Answered, true },
        { AgentEventType.Turn, true },
        { AgentEventType.Quality, true },
        { AgentEventType.Error, true },
        { AgentEventType.Transfer, true },
        { AgentEventType.Hangup, false },
        { AgentEventType.Summary, false },
        { AgentEventType.Recording, false },
    };

    [Theory]
    [MemberData(nameof(EveryEventType))]
    public void CallAlreadyFinished_hangs_up_only_for_events_sent_during_the_call(AgentEventType sent, bool hangsUp) =>
        Assert.Equal(hangsUp, FinishedCallRule.HangsUp(sent, ControlPlaneEventAnswer.CallAlreadyFinished));

    [Fact]
    public void Every_event_type_is_classified_by_the_theory() =>
        Assert.Equal(Enum.GetValues<AgentEventType>().Order(), EveryEventType.Select(row => (AgentEventType)row[0]).Order());

    [Theory]
    [InlineData("Started")]
    [InlineData("Raised")]
    [InlineData("NothingNew")]
    [InlineData("UnknownCall")]
    [InlineData("duplicate")]
    [InlineData("callalreadyfinished")]
    [InlineData(null)]
    public void Any_other_answer_hangs_up_nothing(string? status)
    {
        foreach (var type in Enum.GetValues<AgentEventType>())
        {
            Assert.False(FinishedCallRule.HangsUp(type, status), type.ToString());
        }
    }
}
