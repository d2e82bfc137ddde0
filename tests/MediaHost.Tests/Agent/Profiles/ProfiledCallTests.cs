using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.Profiles;

/// <summary>The agent's call handler with profiles: the called number's agent greets the caller, and the answer the
/// MediaHost reports to the control plane names that agent (the call record and timeline show it).</summary>
public sealed class ProfiledCallTests
{
    [Fact]
    public async Task Called_numbers_agent_greets_the_caller_and_the_answer_report_names_it()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        files.Store.LoadAtStart();
        var tts = new FakeTextToSpeech();
        var harness = new AgentHarness(new TestCallSession(), new FakeSpeechToText(), new FakeLanguageModel((_, _) => []), tts, files.Host, time: TimeProvider.System);
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
        var agent = new VoiceAgentCallHandler(Options.Create(files.Host), harness.Dependencies, new AgentCapacity(files.Host.Capacity),
            NullLogger<VoiceAgentCallHandler>.Instance, files.Profiles());
        var handler = new ReportingCallHandler(agent, reporter);
        var session = new TestCallSession(maxFrames: int.MaxValue) { FramePace = TimeSpan.FromMilliseconds(5) };
        Assert.Equal("+15550000002", session.Call.Called);

        var running = handler.HandleAsync(new Incoming(session), CancellationToken.None);
        await WaitUntil(() => Spoken(tts).Contains("Hello there, this is sales."));
        session.HangUpByCaller();
        await running.DefaultTimeout();

        var answered = Drain(queue).Single(e => e.Type == AgentEventType.Answered);
        Assert.Equal("sales", answered.AgentProfile);
    }

    private static string[] Spoken(FakeTextToSpeech tts)
    {
        lock (tts.Sentences)
        {
            return [.. tts.Sentences];
        }
    }

    private static List<AgentEventMessage> Drain(CallEventQueue queue)
    {
        var events = new List<AgentEventMessage>();
        while (queue.Reader.TryRead(out var message))
        {
            events.Add(message);
        }
        return events;
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var start = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(30), "the condition never held");
            await Task.Delay(10);
        }
    }

    private sealed class Incoming(TestCallSession session) : IIncomingCall
    {
        public InboundCall Call => session.Call;

        public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken) => Task.FromResult<ICallSession>(session);

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
