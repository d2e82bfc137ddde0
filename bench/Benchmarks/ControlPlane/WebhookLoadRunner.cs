using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.LiveKit.Webhooks;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Benchmarks.ControlPlane;

/// <summary>
/// Load run of webhook handling through the local control-plane host over HTTP on loopback (verify,
/// dedupe against Azurite, start or raise into the Durable backend: by default the Azure Storage provider over
/// Azurite with a task hub of the run's own, deleted at the end; <c>--backend InMemory</c> for the test backend):
/// <list type="number">
/// <item>steady: <c>--workers</c> concurrent senders, each driving calls one after another (ten
/// webhooks per call, in LiveKit's per-room order) for <c>--seconds</c>; reports requests/s and p50/p99;</item>
/// <item>burst: <c>--burst-calls</c> calls × 10 webhooks sent at once (each call's webhooks in order);
/// checks every call's orchestration completed as a caller hang-up and its record is finalized.</item>
/// </list>
/// With <c>--paced-calls N</c> the steady phase is open-loop instead (<see cref="PacedCallsPhase"/>: N calls started evenly over
/// <c>--pace-seconds</c>), and both phases report webhook→finalized per call.
/// Needs Azurite on 127.0.0.1:10000-10002. Usage: webhook-load [--workers 8] [--seconds 20] [--burst-calls 100] [--backend AzureStorage|InMemory]
/// [--paced-calls 1000 --pace-seconds 10] [--wait-minutes 5] [--budget-seconds 270] [--provider-log Information]
/// </summary>
public static class WebhookLoadRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var workers = Arg(args, "--workers", 8);
        var seconds = Arg(args, "--seconds", 20);
        var burstCalls = Arg(args, "--burst-calls", 100);

        await using var livekit = await LoopbackLiveKitApiTestServer.StartAsync();
        await using var clients = new ServiceCollection().AddLiveKitApi(o => { o.Url = livekit.Url.ToString(); o.ApiKey = livekit.ApiKey; o.ApiSecret = livekit.ApiSecret; }).BuildServiceProvider();
        var trunk = await clients.GetRequiredService<SipServiceClient>().CreateOutboundTrunkAsync(new SipOutboundTrunkInfo { Name = "mediahost", Address = "127.0.0.1:5070", Numbers = ["+70000000000"] });
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var backend = args.SkipWhile(a => a != "--backend").Skip(1).FirstOrDefault() ?? nameof(DurableBackend.AzureStorage);
        var hub = "bench" + suffix;
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["CallStore:TableName"] = "benchcalls" + suffix,
            ["CallStore:BlobContainerName"] = "bench-" + suffix,
            ["Webhooks:DedupeTableName"] = "benchdedupe" + suffix,
            ["Webhooks:EarlyEventsTableName"] = "benchearly" + suffix,
            ["Health:SnapshotTableName"] = "benchhealth" + suffix,
            ["LiveKit:Url"] = livekit.Url.ToString(),
            ["LiveKit:ApiKey"] = livekit.ApiKey,
            ["LiveKit:ApiSecret"] = livekit.ApiSecret,
            ["AgentEvents:Secret"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["AgentDispatch:OutboundTrunkId"] = trunk.SipTrunkId,
            ["Calls:AgentAnswerTimeoutSeconds"] = "120",
            ["LocalHost:RunTimers"] = "false",
            ["LocalHost:DurableBackend"] = backend,
            ["LocalHost:TaskHubName"] = hub,
        }), logging => logging.SetMinimumLevel(LogLevel.Warning)
            // --provider-log Information: the Azure Storage provider's own trace (message ages, history fetch/append latencies) for finding where the time goes.
            .AddFilter("DurableTask.AzureStorage", Enum.Parse<LogLevel>(args.SkipWhile(a => a != "--provider-log").Skip(1).FirstOrDefault() ?? nameof(LogLevel.Warning))));
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromMinutes(10) }; // a webhook waiting minutes on a saturated machine is a figure, not a crash
        var signer = new WebhookSigner(livekit.Credentials, TimeProvider.System);
        var durable = app.Services.GetRequiredService<DurableTaskClient>();
        var store = app.Services.GetRequiredService<CallStore>();

        // Warm-up: one call end to end (JIT, table creation, connections).
        await SendCallAsync(http, signer, "call-warmup-" + suffix, null);
        var runStarted = DateTimeOffset.UtcNow; // the budget counts from here: the host's start and the task hub's creation can take minutes on a saturated machine
        Console.WriteLine($"host started and warmed up; load average {File.ReadAllText("/proc/loadavg")[..14]}");

        if (Arg(args, "--paced-calls", 0) is > 0 and var paced)
        {
            var wait = TimeSpan.FromMinutes(Arg(args, "--wait-minutes", 5));
            // --budget-seconds B: the whole run ends its waits B s after the warm-up (the burst keeps its last 60 s), so a
            // run too big for the machine still prints how far it got.
            DateTimeOffset? end = Arg(args, "--budget-seconds", 0) is > 0 and var budget ? runStarted.AddSeconds(budget) : null;
            var steadyRun = await PacedCallsPhase.RunAsync("paced", http, signer, durable, store, "call-p",
                [.. Enumerable.Range(0, paced).Select(i => $"call-p{i}-{suffix}")], Arg(args, "--pace-seconds", 10), wait, end?.AddSeconds(-60));
            PacedCallsPhase.Print(steadyRun);
            var burstRun = await PacedCallsPhase.RunAsync("burst", http, signer, durable, store, "call-b",
                [.. Enumerable.Range(0, burstCalls).Select(i => $"call-b{i}-{suffix}")], 0, wait, end);
            PacedCallsPhase.Print(burstRun);
            var recorded = await CountRecordedCallsAsync(suffix);
            var (calls, twice) = await RecordsPerCallAsync(suffix);
            Console.WriteLine($"records: {recorded} day-index rows for {1 + paced + burstCalls} calls sent; {calls} calls with a record, {twice} of them with more than one " +
                (recorded == 1 + paced + burstCalls && twice == 0 ? "(exactly one record per call)" : "(NOT one record per call)"));
            if (backend == nameof(DurableBackend.AzureStorage))
            {
                Console.WriteLine(await HistoryTableCostAsync(hub, "call-p0-" + suffix));
            }
            await CleanUpAsync(app, suffix, backend, hub);
            var allRight = PacedCallsPhase.AllRight(steadyRun) && PacedCallsPhase.AllRight(burstRun) && recorded == 1 + paced + burstCalls;
            Console.WriteLine($"result: completed {steadyRun.Right + burstRun.Right}/{paced + burstCalls}, " +
                (allRight ? "every call completed right and recorded once" : "NOT every call completed right within the wait (exit 1)"));
            return allRight ? 0 : 1;
        }

        Console.WriteLine($"steady: {workers} workers for {seconds} s");
        var latencies = new List<double>[workers];
        var statuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var stop = Stopwatch.StartNew();
        var steadyCalls = 0;
        await Task.WhenAll(Enumerable.Range(0, workers).Select(async w =>
        {
            latencies[w] = [];
            var n = 0;
            while (stop.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                Interlocked.Increment(ref steadyCalls);
                await SendCallAsync(http, signer, $"call-s{w}-{n++}-{suffix}", (ms, status) => { latencies[w].Add(ms); statuses.AddOrUpdate(status, 1, (_, c) => c + 1); });
            }
        }));
        var elapsed = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"steady: {all.Length} webhooks ({steadyCalls} calls) in {elapsed:F1} s = {all.Length / elapsed:F0} req/s; " +
            $"p50 {Pct(all, 0.50):F1} ms, p90 {Pct(all, 0.90):F1} ms, p99 {Pct(all, 0.99):F1} ms, max {all[^1]:F1} ms; statuses {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");

        // Let the steady phase's orchestrations finish so the burst starts from an idle backend.
        var drain = Stopwatch.StartNew();
        var steadyDone = 0;
        for (var w = 0; w < workers; w++)
        {
            for (var n = 0; ; n++)
            {
                var instance = await durable.GetInstanceAsync($"call-s{w}-{n}-{suffix}");
                if (instance is null)
                {
                    break;
                }
                using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(Arg(args, "--wait-minutes", 5)));
                try
                {
                    await durable.WaitForInstanceCompletionAsync(instance.InstanceId, false, limit.Token);
                    steadyDone++;
                }
                catch (OperationCanceledException)
                {
                }
            }
        }
        Console.WriteLine($"steady ({backend}): {steadyDone}/{steadyCalls} orchestrations completed, the last {drain.Elapsed.TotalSeconds:F1} s after the load stopped; " +
            $"{steadyDone / (elapsed + drain.Elapsed.TotalSeconds):F1} orchestrations/s from the first webhook to the last completion");
        Console.WriteLine($"burst: {burstCalls} calls × 10 webhooks at once");
        var burstLatencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var burstStatuses = new System.Collections.Concurrent.ConcurrentDictionary<int, int>();
        var rooms = Enumerable.Range(0, burstCalls).Select(i => $"call-b{i}-{suffix}").ToList();
        var burst = Stopwatch.StartNew();
        await Task.WhenAll(rooms.Select(room => SendCallAsync(http, signer, room, (ms, status) => { burstLatencies.Add(ms); burstStatuses.AddOrUpdate(status, 1, (_, c) => c + 1); })));
        var accepted = burst.Elapsed.TotalSeconds;
        var results = await Task.WhenAll(rooms.Select(async room =>
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(Arg(args, "--wait-minutes", 5)));
            try
            {
                var instance = await durable.WaitForInstanceCompletionAsync(room, getInputsAndOutputs: true, limit.Token);
                return (room, RuntimeStatus: instance.RuntimeStatus, Result: instance.ReadOutputAs<CallResult>(), Status: instance.SerializedCustomStatus);
            }
            catch (OperationCanceledException)
            {
                var instance = await durable.GetInstanceAsync(room, getInputsAndOutputs: true);
                return (room, RuntimeStatus: instance?.RuntimeStatus ?? OrchestrationRuntimeStatus.Pending, Result: (CallResult?)null, Status: instance?.SerializedCustomStatus ?? "missing");
            }
        }));
        foreach (var stuck in results.Where(r => r.Result is null).Take(5))
        {
            Console.WriteLine($"burst: not completed in time: {stuck.room} {stuck.RuntimeStatus} {stuck.Status}");
        }
        var completedAll = burst.Elapsed.TotalSeconds;
        var right = results.Count(r => r.RuntimeStatus == OrchestrationRuntimeStatus.Completed && r.Result is { Outcome: CallOutcome.Completed, EndReason: CallEndReason.CallerHangUp });
        var records = await Task.WhenAll(rooms.Select(room => store.GetAsync(CallIds.FromRoomName(room))));
        var finalized = records.Count(r => r is { Outcome: CallOutcome.Completed, AnsweredAt: not null });
        var b = burstLatencies.Order().ToArray();
        Console.WriteLine($"burst: {b.Length} webhooks answered in {accepted:F2} s ({b.Length / accepted:F0} req/s); p50 {Pct(b, 0.5):F1} ms, p99 {Pct(b, 0.99):F1} ms, max {b[^1]:F1} ms; " +
            $"statuses {string.Join(", ", burstStatuses.OrderBy(s => s.Key).Select(s => $"{s.Key}×{s.Value}"))}");
        Console.WriteLine($"burst: {right}/{burstCalls} orchestrations completed as caller hang-up, {finalized}/{burstCalls} records finalized; all done {completedAll:F2} s after the burst began " +
            $"({burstCalls / completedAll:F1} orchestrations/s); dials made {livekit.State.GetDials().Count}");
        var indexRows = await CountRecordedCallsAsync(suffix);
        var expectedRecords = 1 + steadyCalls + burstCalls;
        Console.WriteLine($"records: {indexRows} calls recorded for {expectedRecords} calls sent");
        await CleanUpAsync(app, suffix, backend, hub);
        return right == burstCalls && finalized == burstCalls && indexRows == expectedRecords && steadyDone == steadyCalls && !statuses.Keys.Any(s => s != 200) && !burstStatuses.Keys.Any(s => s != 200) ? 0 : 1;
    }

    private static Task SendCallAsync(HttpClient http, WebhookSigner signer, string room, Action<double, int>? record) =>
        CallSender.SendAsync(http, signer, room, record);

    /// <summary>Exactly one record per call: the day index holds one row per call started, none twice.</summary>
    private static async Task<int> CountRecordedCallsAsync(string suffix)
    {
        var (from, to) = CallTableKeys.DayPartitionRange;
        var rows = 0;
        await foreach (var _ in new Azure.Data.Tables.TableClient("UseDevelopmentStorage=true", "benchcalls" + suffix)
            .QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), select: ["PartitionKey"]))
        {
            rows++;
        }
        return rows;
    }

    /// <summary>Calls that have a day-index row (the row key ends with the call id), and how many of them have more than one.</summary>
    private static async Task<(int Calls, int MoreThanOnce)> RecordsPerCallAsync(string suffix)
    {
        var (from, to) = CallTableKeys.DayPartitionRange;
        var perCall = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var row in new Azure.Data.Tables.TableClient("UseDevelopmentStorage=true", "benchcalls" + suffix)
            .QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey ge {from} and PartitionKey lt {to}"), select: ["RowKey"]))
        {
            var callId = row.RowKey[(row.RowKey.IndexOf('|') + 1)..];
            perCall[callId] = perCall.GetValueOrDefault(callId) + 1;
        }
        return (perCall.Count, perCall.Values.Count(n => n > 1));
    }

    /// <summary>
    /// The task hub's history table at the end of the run: its rows, and what one instance's history read (the query the
    /// provider makes at every orchestration episode) costs Azurite at that size (see <see cref="AzuriteTableScanRun"/>).
    /// </summary>
    private static async Task<string> HistoryTableCostAsync(string hub, string instanceId)
    {
        var history = new Azure.Data.Tables.TableClient("UseDevelopmentStorage=true", hub + "History");
        var rows = 0;
        await foreach (var _ in history.QueryAsync<Azure.Data.Tables.TableEntity>(select: ["PartitionKey"]))
        {
            rows++;
        }
        var times = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var events = 0;
            await foreach (var _ in history.QueryAsync<Azure.Data.Tables.TableEntity>(Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}")))
            {
                events++;
            }
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (i == 0)
            {
                Console.WriteLine($"history: {rows} rows in {hub}History ({events} for one call)");
            }
        }
        return $"history: one call's history read (PartitionKey eq) takes Azurite {times.Order().ElementAt(2):F0} ms (median of 5) at {rows} rows";
    }

    private static async Task CleanUpAsync(WebApplication app, string suffix, string backend, string hub)
    {
        await app.StopAsync();
        foreach (var t in new[] { "benchcalls", "benchdedupe", "benchearly", "benchhealth" })
        {
            await new Azure.Data.Tables.TableClient("UseDevelopmentStorage=true", t + suffix).DeleteAsync();
        }
        if (backend == nameof(DurableBackend.AzureStorage))
        {
            await new DurableTask.AzureStorage.AzureStorageOrchestrationService(new DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings
            {
                TaskHubName = hub,
                StorageAccountClientProvider = new DurableTask.AzureStorage.StorageAccountClientProvider("UseDevelopmentStorage=true"),
            }).DeleteAsync();
        }
    }

    private static double Pct(double[] sorted, double p) => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
