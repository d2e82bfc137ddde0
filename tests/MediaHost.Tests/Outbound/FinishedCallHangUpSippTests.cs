using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Outbound;
using VoiceFunctions.MediaHost.Tests.Calls;
using VoiceFunctions.MediaHost.Tests.Hosting;
using VoiceFunctions.MediaHost.Tests.ControlPlane;
using VoiceFunctions.MediaHost.Tests.Sip.Interop;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Outbound;

/// <summary>
/// A call we placed whose callee answered after the control plane had settled the call (its dial timed out or was
/// cancelled there): the control plane answers our "answered" event CallAlreadyFinished, and the live callee must get
/// our BYE at once rather than stay connected to an agent nobody records or bills. Our SIP stack, the event queue and
/// sender over real HTTP on loopback, sipp as the callee; the control plane is <see cref="RecordingControlPlane"/>.
/// </summary>
[Trait("Category", "Interop")]
public sealed class FinishedCallHangUpSippTests
{
    private const string CallId = "call-out-late-1";

    [SkippableFact]
    public async Task Callee_whose_answered_event_the_control_plane_answers_CallAlreadyFinished_gets_our_BYE_and_the_hangup_says_why()
    {
        using var controlPlane = new RecordingControlPlane(_ => ControlPlaneEventAnswer.CallAlreadyFinished); // settled before the answer
        using var sipp = Sipp.Start("outbound-callee-answer-await-bye.xml", target: null); // fails unless our BYE comes within 5 s of its ACK
        await using var rig = await Rig.StartAsync(controlPlane, sipp);

        var dial = await rig.Placer.DialAsync(Command(), CancellationToken.None).DefaultTimeout();

        Assert.Equal(DialOutcome.Answered, dial.Outcome);
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp (callee) did not get our BYE within 5 s of the answer:\n{output}");
        var ended = await rig.Agent.FirstEnded.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.ControlPlaneFinished, ended.Reason);
        var hangup = await controlPlane.WaitForAsync(AgentEventType.Hangup).DefaultTimeout();
        Assert.Equal((CallId, CallEndReason.ControlPlaneFinished), (hangup.CallId, hangup.EndReason));
        Assert.Equal(1, rig.HangUp.HungUp);
        Assert.Equal(0, rig.Live.Count);
        var logged = Assert.Single(rig.Log.Entries, e => e.Message.Contains("had already finished", StringComparison.Ordinal));
        Assert.Contains(CallId, logged.Message);
        Assert.DoesNotContain("+1555", logged.Message);
    }

    [SkippableFact]
    public async Task CallAlreadyFinished_answered_to_the_hangup_of_a_call_the_callee_ended_causes_nothing()
    {
        // The answer is taken normally; everything after it (the end, sent once the call is over) is "already finished".
        using var controlPlane = new RecordingControlPlane(e => e.Type == AgentEventType.Answered ? "Started" : ControlPlaneEventAnswer.CallAlreadyFinished);
        using var sipp = Sipp.Start("outbound-callee-answer-bye.xml", target: null);
        await using var rig = await Rig.StartAsync(controlPlane, sipp);

        var dial = await rig.Placer.DialAsync(Command(), CancellationToken.None).DefaultTimeout();

        Assert.Equal(DialOutcome.Answered, dial.Outcome);
        var ended = await rig.Agent.FirstEnded.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);
        var (exitCode, output) = await sipp.WaitAsync();
        Assert.True(exitCode == 0, $"sipp (callee) failed:\n{output}");
        var hangup = await controlPlane.WaitForAsync(AgentEventType.Hangup).DefaultTimeout();
        await rig.DrainAsync(); // the hangup's answer is handled too
        Assert.Equal(CallEndReason.CallerHangUp, hangup.EndReason);
        var answered = controlPlane.Answered;
        Assert.Equal((AgentEventType.Answered, "Started"), (answered[0].Event.Type, answered[0].Status));
        // The end-of-call reports (final quality, hangup), each answered CallAlreadyFinished.
        Assert.All(answered.Skip(1), a => Assert.Equal(ControlPlaneEventAnswer.CallAlreadyFinished, a.Status));
        Assert.Contains(answered, a => a.Event.Type == AgentEventType.Hangup);
        Assert.Equal(0, rig.HangUp.HungUp);
        Assert.DoesNotContain(rig.Log.Entries, e => e.Level >= LogLevel.Warning);
    }

    private static DialCommand Command() => new(CallId, "+15550001111", null, 10, new Dictionary<string, string>());

    /// <summary>The MediaHost's parts a placed call goes through, composed as AddMediaHost does (reporting around a holding handler).</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly LoopbackSipServer _server;
        private readonly ControlPlaneEventSender _sender;
        private readonly CallEventQueue _queue;

        private Rig(LoopbackSipServer server, ControlPlaneEventSender sender, CallEventQueue queue, OutboundCallPlacer placer, ScriptedCallHandler agent,
            FinishedCallHangUp hangUp, LiveCallSessions live, CapturingLogger log)
        {
            (_server, _sender, _queue, Placer, Agent, HangUp, Live, Log) = (server, sender, queue, placer, agent, hangUp, live, log);
        }

        public OutboundCallPlacer Placer { get; }
        public ScriptedCallHandler Agent { get; }
        public FinishedCallHangUp HangUp { get; }
        public LiveCallSessions Live { get; }
        public CapturingLogger Log { get; }

        public static async Task<Rig> StartAsync(RecordingControlPlane controlPlane, SippProcess callee)
        {
            var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
            await Task.Delay(300); // let sipp bind; a lost first INVITE would be retransmitted anyway
            var options = new ControlPlaneOptions
            {
                BaseUrl = controlPlane.BaseUrl.ToString(), KeyId = RecordingControlPlane.KeyId, Secret = controlPlane.Secret,
                FirstRetryDelay = TimeSpan.FromMilliseconds(50),
            };
            var queue = new CallEventQueue(options);
            var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);
            var live = new LiveCallSessions();
            var log = new CapturingLogger();
            var hangUp = new FinishedCallHangUp(live, new TypedLogger<FinishedCallHangUp>(log));
            var sender = new ControlPlaneEventSender(queue, new HttpClient(), options, TimeProvider.System, new TypedLogger<ControlPlaneEventSender>(log), hangUp);
            await sender.StartAsync(CancellationToken.None);
            var agent = ScriptedCallHandler.AnswerAndHold();
            var reporting = new ReportingCallHandler(agent, reporter, time: TimeProvider.System, qualityReportInterval: TimeSpan.Zero, liveCalls: live);
            var dialOptions = new OutboundDialOptions { Trunk = new IPEndPoint(IPAddress.Loopback, callee.Port).ToString(), DefaultFrom = "+15550002222" };
            var placer = new OutboundCallPlacer(() => server.Agent, reporting, dialOptions, _ => null, NullLogger<OutboundCallPlacer>.Instance, TimeProvider.System, reporter);
            return new Rig(server, sender, queue, placer, agent, hangUp, live, log);
        }

        /// <summary>Sends what is queued and stops the sender: every answer has been acted on.</summary>
        public Task DrainAsync() => _sender.StopAsync(CancellationToken.None).DefaultTimeout();

        public async ValueTask DisposeAsync()
        {
            _queue.Complete();
            await _sender.StopAsync(CancellationToken.None);
            _sender.Dispose();
            _server.Dispose();
        }
    }

    private sealed class TypedLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);
        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
