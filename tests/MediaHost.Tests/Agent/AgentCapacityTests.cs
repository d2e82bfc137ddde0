using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers.Offline;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;
using VoiceFunctions.MediaHost.Tests.Sip.Interop;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>Admission by AI capacity: a call beyond AiLoop:Capacity:MaxCalls is refused at the door with the
/// configured status, before any media or AI work, and the calls in progress go on untouched.</summary>
public sealed class AgentCapacityTests
{
    private static (VoiceAgentCallHandler Handler, AgentCapacity Capacity) Handler(int maxCalls, int rejectStatus = 503, Func<string?>? saturation = null)
    {
        var options = new AiLoopOptions { Language = "en-US", Capacity = new AgentCapacityOptions { MaxCalls = maxCalls, RejectStatus = rejectStatus } };
        var harness = new AgentHarness(new TestCallSession(), new FakeSpeechToText(), new FakeLanguageModel((_, _) => []), new FakeTextToSpeech(), options,
            time: TimeProvider.System);
        var capacity = new AgentCapacity(options.Capacity, saturation);
        return (new VoiceAgentCallHandler(Options.Create(options), harness.Dependencies, capacity, NullLogger<VoiceAgentCallHandler>.Instance), capacity);
    }

    [Fact]
    public async Task A_call_beyond_the_capacity_is_refused_with_the_configured_status_and_never_answered()
    {
        var (handler, capacity) = Handler(maxCalls: 1, rejectStatus: 486);
        var first = new FakeIncomingCall(new TestCallSession(maxFrames: int.MaxValue) { FramePace = TimeSpan.FromMilliseconds(5) });
        var running = handler.HandleAsync(first, CancellationToken.None);
        await first.Answered.Task.DefaultTimeout();

        var second = new FakeIncomingCall(new TestCallSession());
        await handler.HandleAsync(second, CancellationToken.None).DefaultTimeout();

        Assert.Equal((486, "AI capacity full"), second.Rejected);
        Assert.False(second.Answered.Task.IsCompleted);
        Assert.Equal(1, capacity.Rejected);
        // The call in progress is untouched: its agent is still running, still reading its caller's frames.
        var framesBefore = first.Session.FrameIndex;
        await WaitUntil(() => first.Session.FrameIndex > framesBefore + 10);
        Assert.False(running.IsCompleted);
        first.Session.HangUpByCaller();
        await running.DefaultTimeout();
    }

    [Fact]
    public async Task The_place_of_an_ended_call_admits_the_next_caller()
    {
        var (handler, capacity) = Handler(maxCalls: 1);
        var first = new FakeIncomingCall(new TestCallSession());
        var running = handler.HandleAsync(first, CancellationToken.None);
        await first.Answered.Task.DefaultTimeout();
        first.Session.HangUpByCaller();
        await running.DefaultTimeout();

        var next = new FakeIncomingCall(new TestCallSession());
        var nextRunning = handler.HandleAsync(next, CancellationToken.None);
        await next.Answered.Task.DefaultTimeout();

        Assert.Null(next.Rejected);
        Assert.Equal(1, capacity.Active);
        next.Session.HangUpByCaller();
        await nextRunning.DefaultTimeout();
        Assert.Equal(0, capacity.Active);
    }

    [SkippableFact]
    public async Task Over_SIP_a_caller_beyond_the_capacity_gets_503_from_the_real_sipp_while_the_first_call_goes_on()
    {
        var (handler, capacity) = Handler(maxCalls: 1);
        using var server = new LoopbackSipServer(handler);
        using var first = Sipp.Start("uac-wait-for-bye.xml", server.Endpoint);
        await WaitUntil(() => capacity.Active == 1 && server.Agent.ActiveCalls == 1);

        using var second = Sipp.Start("uac-refused-503.xml", server.Endpoint);
        var (exitCode, output) = await second.WaitAsync();

        Assert.True(exitCode == 0, $"the second caller was not refused with 503:\n{output}");
        Assert.Equal(1, capacity.Rejected);
        Assert.Equal(1, server.Agent.ActiveCalls);
        Assert.False(first.HasExited, "the first call ended when the second was refused");
    }

    [Fact]
    public void While_the_ai_work_is_saturated_new_calls_are_refused_with_its_reason_and_admitted_again_once_it_is_not()
    {
        string? saturated = "all 1 recognition decoders are busy";
        var capacity = new AgentCapacity(new AgentCapacityOptions { MaxCalls = 10 }, () => saturated);

        Assert.Null(capacity.TryAdmit());
        Assert.Equal("all 1 recognition decoders are busy", capacity.LastRefusal);
        saturated = null;
        using var place = capacity.TryAdmit();

        Assert.NotNull(place);
        Assert.Equal(1, capacity.Rejected);
    }

    [SkippableFact]
    public async Task Over_SIP_a_caller_arriving_while_every_recognition_decoder_is_busy_gets_503_from_the_real_sipp_and_the_next_is_answered_once_one_is_free()
    {
        using var recogniser = PocketsphinxStreamingTests.CreateRecogniser(new PocketsphinxStreamingOptions { MaxDecoders = 1 });
        var (handler, capacity) = Handler(maxCalls: 32, saturation: recogniser.Saturation);
        using var server = new LoopbackSipServer(handler);
        await using (var speaking = await recogniser.StartAsync(RecognitionRequest.For("en-US"), CancellationToken.None))
        {
            // A caller speaking holds the only decoder: a new call would wait for it.
            using var refused = Sipp.Start("uac-refused-503.xml", server.Endpoint);
            var (exitCode, output) = await refused.WaitAsync();

            Assert.True(exitCode == 0, $"the caller was not refused with 503 while recognition was saturated:\n{output}");
            Assert.Equal("all 1 recognition decoders are busy", capacity.LastRefusal);
        }
        await WaitUntil(() => recogniser.Saturation() is null);

        using var admitted = Sipp.Start("uac-wait-for-bye.xml", server.Endpoint);
        await WaitUntil(() => capacity.Active == 1 && server.Agent.ActiveCalls == 1);
        Assert.Equal(1, capacity.Rejected);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var deadline = TimeProvider.System.GetTimestamp();
        while (!condition())
        {
            Assert.True(TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(30), "the condition never held");
            await Task.Delay(10);
        }
    }

    private sealed class FakeIncomingCall(TestCallSession session) : IIncomingCall
    {
        public TestCallSession Session { get; } = session;

        public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public (int Status, string Reason)? Rejected { get; private set; }

        public InboundCall Call => Session.Call;

        public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
        {
            Answered.TrySetResult();
            return Task.FromResult<ICallSession>(Session);
        }

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken)
        {
            Rejected = (sipStatus, reason);
            return Task.CompletedTask;
        }
    }
}
