using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>The MediaHost's reports to the control plane: signed as AgentEvents expects, retried within bounds, never blocking a call.</summary>
public sealed class ControlPlaneEventSenderTests
{
    private static readonly string Secret = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    private static ControlPlaneOptions Options(int attempts = 3, int capacity = 16) => new()
    {
        BaseUrl = "http://127.0.0.1:7071",
        KeyId = "mediahost",
        Secret = Secret,
        MaxAttempts = attempts,
        QueueCapacity = capacity,
        FirstRetryDelay = TimeSpan.FromMilliseconds(1),
        RequestTimeout = TimeSpan.FromSeconds(30),
    };

    private static AgentEventMessage Answered(string callId = "call-x") =>
        new() { Id = "mh-" + callId + "-answered", CallId = callId, Type = AgentEventType.Answered, OccurredAt = DateTimeOffset.UnixEpoch };

    [Fact]
    public async Task Event_is_posted_to_the_calls_events_route_signed_so_that_AgentEvents_accepts_it()
    {
        var handler = new ScriptedHandler(HttpStatusCode.OK);
        var options = Options();
        var sender = new ControlPlaneEventSender(new CallEventQueue(options), new HttpClient(handler), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);

        Assert.True(await sender.SendAsync(Answered("call-a b"), CancellationToken.None).DefaultTimeout());

        var request = Assert.Single(handler.Requests);
        Assert.Equal("http://127.0.0.1:7071/api/calls/call-a%20b/events", request.Uri.AbsoluteUri);
        var verifier = new AgentEventVerifier(new TokenVerifier(new LiveKitCredentials("mediahost", Secret), TimeProvider.System), 64 * 1024);
        Assert.Null(verifier.Verify(request.Body, request.Authorization));
        Assert.NotNull(AgentEventParser.TryParse(request.Body, "call-a b", out _));
        Assert.DoesNotContain(Secret, request.Authorization);
    }

    [Fact]
    public async Task Unavailable_control_plane_is_retried_with_the_same_event_id_until_it_answers()
    {
        var handler = new ScriptedHandler(HttpStatusCode.ServiceUnavailable, HttpStatusCode.NotFound, HttpStatusCode.OK);
        var options = Options(attempts: 3);
        var sender = new ControlPlaneEventSender(new CallEventQueue(options), new HttpClient(handler), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);

        Assert.True(await sender.SendAsync(Answered(), CancellationToken.None).DefaultTimeout());

        Assert.Equal(3, handler.Requests.Count);
        Assert.Single(handler.Requests.Select(r => System.Text.Encoding.UTF8.GetString(r.Body)).Distinct());
        Assert.Equal(1, sender.Sent);
    }

    [Fact]
    public async Task Delivered_event_records_its_latency_from_occurrence_to_acknowledgement()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UnixEpoch.AddSeconds(10));
        var options = Options();
        using var sender = new ControlPlaneEventSender(new CallEventQueue(options), new HttpClient(new ScriptedHandler(HttpStatusCode.OK)), options, time, NullLogger<ControlPlaneEventSender>.Instance);
        var recorded = new List<(double Ms, object? Type)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == VoiceFunctions.Shared.Observability.MetricNames.AgentEventDelivery && instrument.Meter.Name == ControlPlaneEventSender.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (recorded) recorded.Add((value, tags.ToArray().Single(t => t.Key == "type").Value));
        });
        listener.Start();

        Assert.True(await sender.SendAsync(Answered() with { OccurredAt = DateTimeOffset.UnixEpoch.AddSeconds(9.75) }, CancellationToken.None).DefaultTimeout());

        Assert.Contains((250.0, (object?)"Answered"), recorded);
    }

    [Fact]
    public async Task Sender_gives_up_after_the_bounded_attempts_and_does_not_retry_a_refusal()
    {
        var down = new ScriptedHandler(HttpStatusCode.ServiceUnavailable);
        var options = Options(attempts: 3);
        var sender = new ControlPlaneEventSender(new CallEventQueue(options), new HttpClient(down), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);
        Assert.False(await sender.SendAsync(Answered(), CancellationToken.None).DefaultTimeout());
        Assert.Equal(3, down.Requests.Count);

        var refusing = new ScriptedHandler(HttpStatusCode.Unauthorized);
        var second = new ControlPlaneEventSender(new CallEventQueue(options), new HttpClient(refusing), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);
        Assert.False(await second.SendAsync(Answered(), CancellationToken.None).DefaultTimeout());
        Assert.Single(refusing.Requests);
    }

    [Fact]
    public async Task Full_queue_drops_new_events_at_once_instead_of_blocking_the_call()
    {
        var options = Options(capacity: 2);
        var queue = new CallEventQueue(options);
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);

        reporter.Answered("sip-1", "+1", "+2");
        reporter.HungUp("sip-1", CallEndReason.CallerHangUp);
        var report = reporter.ReportAsync(new TurnRecord { CallId = "sip-1", TurnIndex = 1, Trigger = "speech", StartedAt = DateTimeOffset.UnixEpoch }, CancellationToken.None);

        Assert.True(report.IsCompletedSuccessfully);
        Assert.Equal(1, queue.Dropped);
        Assert.True(queue.Reader.TryRead(out var first));
        Assert.Equal(AgentEventType.Answered, first.Type);
        Assert.Equal(ControlPlaneCallIds.For("sip-1"), first.CallId);
        Assert.True(queue.Reader.TryRead(out var second));
        Assert.Equal(CallEndReason.CallerHangUp, second.EndReason);
        await Task.CompletedTask;
    }

    [Fact]
    public void Turn_is_reported_with_its_latencies_under_the_control_planes_call_id()
    {
        var queue = new CallEventQueue(Options());
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance);

        _ = reporter.ReportAsync(new TurnRecord
        {
            CallId = "1-99@127.0.0.1", TurnIndex = 2, Trigger = "speech", StartedAt = DateTimeOffset.UnixEpoch,
            UserText = "what are your opening hours", AgentText = "We are open every day.",
            VoiceToVoice = TimeSpan.FromMilliseconds(812.4), SttLatency = TimeSpan.FromMilliseconds(500),
        }, CancellationToken.None);

        Assert.True(queue.Reader.TryRead(out var message));
        Assert.Equal(AgentEventType.Turn, message.Type);
        Assert.Equal(message.CallId, message.Turn!.CallId);
        Assert.Equal(2, message.Turn.Sequence);
        Assert.Equal(812, message.Turn.ResponseLatencyMs);
        Assert.Equal(500, message.Turn.SttMs);
        Assert.Equal("We are open every day.", message.Turn.AgentText);
    }

    [Fact]
    public async Task Stopping_the_sender_first_sends_the_events_still_queued()
    {
        var handler = new ScriptedHandler(HttpStatusCode.OK);
        var options = Options();
        var queue = new CallEventQueue(options);
        var sender = new ControlPlaneEventSender(queue, new HttpClient(handler), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);
        await sender.StartAsync(CancellationToken.None);
        // The drained calls' hangup reports, queued just before the host stops the sender.
        Assert.True(queue.TryEnqueue(Answered("call-1") with { Id = "mh-call-1-hangup", Type = AgentEventType.Hangup }));
        Assert.True(queue.TryEnqueue(Answered("call-2") with { Id = "mh-call-2-hangup", Type = AgentEventType.Hangup }));

        await sender.StopAsync(CancellationToken.None).DefaultTimeout();

        Assert.Equal(2, sender.Sent);
        Assert.Equal(["/api/calls/call-1/events", "/api/calls/call-2/events"], handler.Requests.Select(r => r.Uri.AbsolutePath).Order());
    }

    [Fact]
    public async Task One_calls_held_up_event_does_not_hold_up_the_other_calls_reports()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedHandler(HttpStatusCode.OK) { Hold = r => r.AbsolutePath.Contains("/call-held/") ? held.Task : Task.CompletedTask };
        var options = Options(capacity: 1024);
        var queue = new CallEventQueue(options);
        using var sender = new ControlPlaneEventSender(queue, new HttpClient(handler), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);
        await sender.StartAsync(CancellationToken.None);

        // The held call is first in the queue; the calls on the other lanes still get through while its request hangs,
        // those on its lane wait behind it.
        var others = Enumerable.Range(0, 40).Select(i => "call-" + i).ToList();
        var heldLane = ControlPlaneEventSender.LaneOf("call-held", options.SendConcurrency);
        var free = others.Where(c => ControlPlaneEventSender.LaneOf(c, options.SendConcurrency) != heldLane).ToList();
        Assert.True(queue.TryEnqueue(Answered("call-held")));
        foreach (var call in others)
        {
            Assert.True(queue.TryEnqueue(Answered(call)));
        }
        await handler.WaitForAnswersAsync(free.Count).DefaultTimeout();
        Assert.Equal(free.Order(), handler.Requests.Select(r => r.Uri.AbsolutePath.Split('/')[3]).Where(c => c != "call-held").Order());

        held.SetResult();
        await sender.StopAsync(CancellationToken.None).DefaultTimeout();
        Assert.Equal(41, sender.Sent);
    }

    [Fact]
    public async Task A_calls_events_arrive_in_order_one_at_a_time_while_calls_are_sent_side_by_side()
    {
        var handler = new ScriptedHandler(HttpStatusCode.OK) { Hold = async _ => await Task.Yield() };
        var options = Options(capacity: 1024);
        var queue = new CallEventQueue(options);
        using var sender = new ControlPlaneEventSender(queue, new HttpClient(handler), options, TimeProvider.System, NullLogger<ControlPlaneEventSender>.Instance);
        await sender.StartAsync(CancellationToken.None);
        var calls = Enumerable.Range(0, 20).Select(i => "call-" + i).ToList();
        foreach (var step in new[] { "answered", "turn-1", "turn-2", "quality-final", "hangup" })
        {
            foreach (var call in calls)
            {
                Assert.True(queue.TryEnqueue(Answered(call) with { Id = $"mh-{call}-{step}" }));
            }
        }

        await sender.StopAsync(CancellationToken.None).DefaultTimeout();

        Assert.Equal(100, sender.Sent);
        Assert.Equal(0, handler.MostInFlightForOneCall);
        foreach (var call in calls)
        {
            var ids = handler.Requests.Where(r => r.Uri.AbsolutePath == $"/api/calls/{call}/events")
                .Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("id").GetString());
            Assert.Equal([$"mh-{call}-answered", $"mh-{call}-turn-1", $"mh-{call}-turn-2", $"mh-{call}-quality-final", $"mh-{call}-hangup"], ids);
        }
    }

    /// <summary>Answers with the scripted statuses in turn; <see cref="Hold"/> delays an answer (requests may overlap).</summary>
    private sealed class ScriptedHandler(params HttpStatusCode[] answers) : HttpMessageHandler
    {
        private readonly List<(Uri Uri, byte[] Body, string Authorization)> _requests = [];
        private readonly HashSet<string> _inFlight = [];
        private readonly SemaphoreSlim _answered = new(0);

        public Func<Uri, Task> Hold { get; init; } = _ => Task.CompletedTask;

        /// <summary>Times a request arrived while another of the same call was still unanswered.</summary>
        public int MostInFlightForOneCall { get; private set; }

        public IReadOnlyList<(Uri Uri, byte[] Body, string Authorization)> Requests
        {
            get { lock (_requests) return [.. _requests]; }
        }

        public async Task WaitForAnswersAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await _answered.WaitAsync();
            }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
            var path = request.RequestUri!.AbsolutePath;
            int index;
            lock (_requests)
            {
                _requests.Add((request.RequestUri!, body, request.Headers.Authorization!.ToString()));
                index = _requests.Count - 1;
                MostInFlightForOneCall += _inFlight.Add(path) ? 0 : 1;
            }
            await Hold(request.RequestUri!);
            lock (_requests)
            {
                _inFlight.Remove(path);
            }
            _answered.Release();
            return new HttpResponseMessage(answers[Math.Min(index, answers.Length - 1)]);
        }
    }
}
