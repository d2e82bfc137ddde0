using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Quality;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>The quality reports of one call: every interval while it lasts, once at its end, each a queued event.</summary>
public sealed class CallQualityMonitorTests
{
    private const string SipCallId = "q1@10.0.0.1";

    [Fact]
    public void Long_call_reports_every_30_s_and_once_at_the_end_with_stable_ids()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, time, NullLogger<CallEventReporter>.Instance);
        var session = new CountingSession();
        using var monitor = new CallQualityMonitor(session, SipCallId, reporter, time, TimeSpan.FromSeconds(30));

        session.Received = 1500;
        time.Advance(TimeSpan.FromSeconds(30));
        session.Received = 3000;
        time.Advance(TimeSpan.FromSeconds(30));
        session.Received = 3400;
        time.Advance(TimeSpan.FromSeconds(8));
        Assert.True(monitor.ReportFinal());
        Assert.False(monitor.ReportFinal()); // once
        time.Advance(TimeSpan.FromSeconds(60)); // no periodic report after the final one

        var events = Drain(queue);
        var id = ControlPlaneCallIds.For(SipCallId);
        Assert.Equal([$"mh-{id}-quality-1", $"mh-{id}-quality-2", $"mh-{id}-quality-final"], events.Select(e => e.Id));
        Assert.All(events, e => Assert.Equal(AgentEventType.Quality, e.Type));
        Assert.Equal([1500L, 3000L, 3400L], events.Select(e => e.Quality!.FromCaller.Packets));
        Assert.Equal([false, false, true], events.Select(e => e.Quality!.Final));
        Assert.NotNull(AgentEventParser.TryParse(AgentEventParser.Serialize(events[2]), id, out var problem)); // what the control plane accepts
        Assert.Null(problem);
    }

    [Fact]
    public void Interval_of_zero_sends_only_the_end_of_call_report()
    {
        var time = new FakeTimeProvider();
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, time, NullLogger<CallEventReporter>.Instance);
        using var monitor = new CallQualityMonitor(new CountingSession { Received = 10 }, SipCallId, reporter, time, TimeSpan.Zero);

        time.Advance(TimeSpan.FromMinutes(5));
        monitor.ReportFinal();

        Assert.Equal([true], Drain(queue).Select(e => e.Quality!.Final));
    }

    [Fact]
    public void Session_without_media_counters_sends_no_report()
    {
        var time = new FakeTimeProvider();
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, time, NullLogger<CallEventReporter>.Instance);
        using var monitor = new CallQualityMonitor(new CountingSession { NoMedia = true }, SipCallId, reporter, time, TimeSpan.FromSeconds(30));

        time.Advance(TimeSpan.FromSeconds(31));

        Assert.False(monitor.ReportFinal());
        Assert.Empty(Drain(queue));
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

    private sealed class CountingSession : ICallSession
    {
        public long Received { get; set; }
        public bool NoMedia { get; init; }
        public MediaQualityCounters? ReadQuality() => NoMedia ? null : new MediaQualityCounters("PCMU/8000", 20, Received * 20, Received, Received, 1.5, Received, 0, 0, 40, Received, null);
        public InboundCall Call { get; } = new(SipCallId, "+15550100", "agent", new Dictionary<string, string>(), "PCMU/8000");
        public Task<CallEnded> Ended { get; } = new TaskCompletionSource<CallEnded>().Task;
        public ValueTask<bool> ReadFrameAsync(Memory<short> destination, CancellationToken cancellationToken) => ValueTask.FromResult(false);
        public ValueTask WriteFrameAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;
        public int ClearPlayback() => 0;
        public async IAsyncEnumerable<DtmfDigit> DtmfDigits([global::System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.CompletedTask;
            yield break;
        }
        public Task HangUpAsync(CallEndReason reason, CancellationToken cancellationToken) => Task.CompletedTask;
        public Task<TransferResult> TransferAsync(string target, CancellationToken cancellationToken) => Task.FromResult(new TransferResult(false, null, "not supported"));
        public Task<bool> SendDtmfAsync(char digit, TimeSpan duration, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
