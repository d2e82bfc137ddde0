using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.DurableTask.Client;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Benchmarks.ControlPlane;

/// <summary>
/// Open-loop arrivals: <c>calls</c> calls started evenly over <c>seconds</c> (a call every seconds/calls, whatever the
/// answers' speed; each call's ten webhooks in order), or all at once when <c>seconds</c> is 0 (a burst). Then waits
/// for every orchestration and reports webhook→finalized per call: from sending the caller's hang-up webhook to the
/// orchestration's completion (the record is finalized just before), p50/p95/max.
/// </summary>
internal static class PacedCallsPhase
{
    /// <param name="DrainSeconds">From the last webhook answered to the last orchestration completed; null when not every call completed.</param>
    /// <param name="ActiveSeconds">From the first webhook sent to the last orchestration completed (the rate's time base).</param>
    public sealed record Result(string Name, int Calls, int Webhooks, double OfferedSeconds, double SentSeconds, double[] WebhookMs, int Non200, int Right, int Finalized, double[] FinalizedMs,
        double DoneSeconds, int Missing, string WhereTheTimeWent, double? DrainSeconds = null, double ActiveSeconds = 0);

    public static async Task<Result> RunAsync(string name, HttpClient http, WebhookSigner signer, DurableTaskClient durable, CallStore store,
        string prefix, IReadOnlyList<string> rooms, double seconds, TimeSpan wait, DateTimeOffset? deadline = null)
    {
        await using var probe = await WhereTheTimeGoes.StartAsync(Guid.NewGuid().ToString("N")[..10]);
        var webhookMs = new ConcurrentBag<double>();
        var non200 = 0;
        var clock = Stopwatch.StartNew();
        var sends = new List<Task<DateTimeOffset>>(rooms.Count);
        for (var i = 0; i < rooms.Count; i++)
        {
            var due = TimeSpan.FromSeconds(seconds * i / rooms.Count);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            sends.Add(CallSender.SendAsync(http, signer, rooms[i], (ms, status) =>
            {
                webhookMs.Add(ms);
                if (status != 200)
                {
                    Interlocked.Increment(ref non200);
                }
            }));
        }
        var firstSent = DateTimeOffset.UtcNow - clock.Elapsed;
        var allSent = Task.WhenAll(sends);
        if (deadline is { } sendEnd && sendEnd > DateTimeOffset.UtcNow)
        {
            // A machine that cannot even take the webhooks in the budget: count what was sent by then (the rest go on
            // and count as not completed).
            await Task.WhenAny(allSent, Task.Delay(sendEnd - DateTimeOffset.UtcNow));
        }
        else if (deadline is null)
        {
            await allSent;
        }
        var endedAt = sends.Select(s => s.IsCompletedSuccessfully ? s.Result : DateTimeOffset.MaxValue).ToArray();
        var sent = clock.Elapsed.TotalSeconds;

        if (deadline is { } end)
        {
            wait = TimeSpan.FromTicks(Math.Clamp((end - DateTimeOffset.UtcNow).Ticks, 0, wait.Ticks));
        }
        var finished = await WaitForAllAsync(name, durable, prefix, rooms.Count, wait);
        var outcomes = rooms.Select((room, i) => endedAt[i] != DateTimeOffset.MaxValue && finished.TryGetValue(room, out var instance)
            ? (Right: instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed
                    && instance.ReadOutputAs<CallResult>() is { Outcome: CallOutcome.Completed, EndReason: CallEndReason.CallerHangUp },
                Ms: (double?)(instance.LastUpdatedAt - endedAt[i]).TotalMilliseconds)
            : (Right: false, Ms: null)).ToList();
        var done = clock.Elapsed.TotalSeconds;
        var whereTheTimeWent = await probe.StopAsync(rooms.Count);
        var records = await Task.WhenAll(rooms.Select(room => store.GetAsync(CallIds.FromRoomName(room))));
        var lastCompleted = finished.Count == 0 ? DateTimeOffset.UtcNow : finished.Values.Max(i => i.LastUpdatedAt);
        var lastSent = endedAt.Where(e => e != DateTimeOffset.MaxValue).DefaultIfEmpty(firstSent).Max();
        var drained = finished.Count >= rooms.Count && endedAt.All(e => e != DateTimeOffset.MaxValue);
        return new Result(name, rooms.Count, webhookMs.Count, seconds, sent, [.. webhookMs.Order()], non200,
            outcomes.Count(o => o.Right), records.Count(r => r is { Outcome: CallOutcome.Completed, AnsweredAt: not null }),
            [.. outcomes.Where(o => o.Ms is not null).Select(o => o.Ms!.Value).Order()], done, outcomes.Count(o => o.Ms is null), whereTheTimeWent,
            drained ? Math.Max(0, (lastCompleted - lastSent).TotalSeconds) : null, Math.Max(0.001, (lastCompleted - firstSent).TotalSeconds));
    }

    /// <summary>How often a phase that is still draining prints how far it got.</summary>
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The phase's finished instances (their ids start with <paramref name="prefix"/>), by id. One paged query of the
    /// instance table every 2 s, not a waiter per call (hundreds of those loaded the backend they measured); the
    /// completion time is the instance's own LastUpdatedAt, so the polling period does not enter the figure.
    /// </summary>
    private static async Task<Dictionary<string, OrchestrationMetadata>> WaitForAllAsync(string name, DurableTaskClient durable, string prefix, int count, TimeSpan wait)
    {
        var deadline = Stopwatch.StartNew();
        var nextProgress = ProgressEvery;
        var finished = new Dictionary<string, OrchestrationMetadata>(StringComparer.Ordinal);
        while (true)
        {
            var query = new OrchestrationQuery
            {
                InstanceIdPrefix = prefix,
                Statuses = [OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated],
                FetchInputsAndOutputs = true,
                PageSize = 500,
            };
            await foreach (var instance in durable.GetAllInstancesAsync(query))
            {
                finished[instance.InstanceId] = instance;
            }
            if (finished.Count >= count || deadline.Elapsed > wait)
            {
                return finished;
            }
            if (deadline.Elapsed >= nextProgress)
            {
                Console.WriteLine($"{name}: {finished.Count}/{count} orchestrations completed {deadline.Elapsed.TotalSeconds:F0} s into the drain; load average {File.ReadAllText("/proc/loadavg")[..14]}");
                nextProgress += ProgressEvery;
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    public static void Print(Result r)
    {
        var offered = r.OfferedSeconds > 0 ? $"{r.Calls * 10 / r.OfferedSeconds:F0} webhooks/s offered ({r.Calls} calls due within {r.OfferedSeconds:F0} s)" : $"{r.Calls * 10} webhooks offered at once";
        Console.WriteLine($"{r.Name}: {offered}; {r.Webhooks} answered in {r.SentSeconds:F1} s = {r.Webhooks / r.SentSeconds:F0} webhooks/s accepted; " +
            $"webhook p50 {Pct(r.WebhookMs, 0.50):F1} ms, p95 {Pct(r.WebhookMs, 0.95):F1} ms, max {Max(r.WebhookMs):F1} ms; non-200: {r.Non200}");
        Console.WriteLine($"{r.Name}: completed {r.Right}/{r.Calls} orchestrations as caller hang-up, {r.Finalized}/{r.Calls} records finalized, " +
            $"{r.Missing} not completed within the wait; " +
            (r.DrainSeconds is { } drain ? $"drained {drain:F1} s after the last webhook was answered" : "NOT drained within the wait") +
            $"; {r.Right / r.ActiveSeconds:F2} orchestrations/s (completed / first webhook to last completion, {r.ActiveSeconds:F1} s)");
        Console.WriteLine($"{r.Name}: webhook→finalized p50 {Pct(r.FinalizedMs, 0.50) / 1000:F2} s, p95 {Pct(r.FinalizedMs, 0.95) / 1000:F2} s, p99 {Pct(r.FinalizedMs, 0.99) / 1000:F2} s, max {Max(r.FinalizedMs) / 1000:F2} s");
        Console.WriteLine($"{r.Name}: {r.WhereTheTimeWent}");
    }

    public static bool AllRight(Result r) => r.Right == r.Calls && r.Finalized == r.Calls && r.Non200 == 0;

    private static double Max(double[] sorted) => sorted.Length == 0 ? 0 : sorted[^1];

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
