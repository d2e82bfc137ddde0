using System.Diagnostics;
using Azure.Data.Tables;

namespace VoiceFunctions.Benchmarks.ControlPlane;

/// <summary>
/// What one table query costs on Azurite as a table grows: Azurite's table store (LokiJS) answers a query such as
/// <c>PartitionKey eq 'x'</c> by testing every entity of the table with the filter, so its cost grows with the table,
/// where Azure Table Storage seeks to the partition. The Durable Azure Storage provider reads an orchestration's history
/// with exactly that query (<c>{hub}History</c>, partition = instance id) at every episode, so on Azurite a load run
/// slows as the hub's history grows. Prints, at each size: the partition query, a point read and a 100-row batch insert,
/// median of 5. Usage: azurite-table-scan [ROWS...] (default 0 5000 20000 40000). Needs Azurite on 127.0.0.1:10002.
/// </summary>
public static class AzuriteTableScanRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = args.Length > 0 ? args.Select(int.Parse).ToArray() : [0, 5_000, 20_000, 40_000];
        var table = new TableClient("UseDevelopmentStorage=true", "scanprobe" + Guid.NewGuid().ToString("N")[..10]);
        await table.CreateAsync();
        try
        {
            var rows = 0;
            Console.WriteLine($"Azurite table query cost by table size (median of 5; load average {File.ReadAllText("/proc/loadavg")[..14]})");
            foreach (var size in sizes)
            {
                while (rows < size)
                {
                    // Rows shaped like a history table's: one partition per instance, ~40 rows each.
                    var partition = $"call-{rows / 40:D6}";
                    var batch = Enumerable.Range(rows, Math.Min(40, size - rows))
                        .Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, $"{i:D10}") { ["EventType"] = "TaskCompleted", ["Result"] = new string('x', 200) }));
                    await table.SubmitTransactionAsync(batch);
                    rows = Math.Min(size, (rows / 40 + 1) * 40);
                }
                var query = await MedianAsync(async () =>
                {
                    await foreach (var _ in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {"call-000000"}")))
                    {
                    }
                });
                var point = await MedianAsync(() => table.GetEntityIfExistsAsync<TableEntity>("call-000000", "0000000000"));
                var insert = await MedianAsync(() => table.SubmitTransactionAsync(Enumerable.Range(0, 100)
                    .Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("probe", $"{i:D4}") { ["Result"] = new string('x', 200) }))));
                Console.WriteLine($"{rows,7} rows: partition query {query,8:F1} ms, point read {point,6:F1} ms, 100-row batch upsert {insert,7:F1} ms");
            }
            return 0;
        }
        finally
        {
            await table.DeleteAsync();
        }
    }

    private static async Task<double> MedianAsync(Func<Task> operation)
    {
        var times = new double[5];
        for (var i = 0; i < times.Length; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await operation();
            times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
        Array.Sort(times);
        return times[2];
    }
}
