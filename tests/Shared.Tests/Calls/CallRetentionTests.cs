using Azure.Data.Tables;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.Timeline;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Calls;

/// <summary>
/// Retention of call rows over Azurite: calls of days before the cutoff go with everything they stored (record, turns,
/// timeline, long texts' blobs, day-index entry), in batches; calls still in progress and newer calls stay; a second run,
/// or a run after one cut off half-way, leaves exactly the same.
/// </summary>
public sealed class CallRetentionTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);
    private static readonly DateOnly Cutoff = Today.AddDays(-30);

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    private static async Task AddCallAsync(TestCallStorage f, string id, DateOnly day, bool finished = true, string? longText = null)
    {
        var started = At(day, 9);
        await f.Store.CreateAsync(new CallRecord { CallId = id, RoomName = "call-" + id, StartedAt = started }).DefaultTimeout();
        await f.Store.AppendTurnAsync(new CallTurn { CallId = id, Sequence = 1, CallerText = "здравствуйте", AgentText = longText ?? "добрый день" }).DefaultTimeout();
        await f.Store.AppendTurnAsync(new CallTurn { CallId = id, Sequence = 2, CallerText = "спасибо", AgentText = "до свидания" }).DefaultTimeout();
        await f.Store.AppendTimelineAsync(id, new CallTimelineEntry { EntryId = "wh-1", At = started, Source = TimelineSource.Webhook, Name = "participant_joined" }).DefaultTimeout();
        if (finished)
        {
            await f.Store.UpdateAsync(id, r => r with { Outcome = CallOutcome.Completed, EndReason = CallEndReason.CallerHangUp, EndedAt = started.AddMinutes(2) }).DefaultTimeout();
        }
    }

    private static async Task<List<TableEntity>> RowsAsync(TestCallStorage f)
    {
        var rows = new List<TableEntity>();
        await foreach (var e in f.Table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            rows.Add(e);
        }
        return rows;
    }

    [SkippableFact]
    public async Task Calls_before_the_cutoff_go_with_all_their_rows_and_blobs_while_open_and_newer_calls_stay()
    {
        await using var f = TestCallStorage.Create(o => o.MaxInlineTextChars = 100);
        await AddCallAsync(f, "old-a", Today.AddDays(-40), longText: new string('д', 500));
        await AddCallAsync(f, "old-b", Today.AddDays(-40));
        await AddCallAsync(f, "old-c", Today.AddDays(-31));
        await AddCallAsync(f, "old-open", Today.AddDays(-40), finished: false);
        await AddCallAsync(f, "edge", Cutoff); // the cutoff day itself is kept
        await AddCallAsync(f, "new", Today.AddDays(-1));
        var blobsBefore = await f.Blobs.GetBlobsAsync().CountAsync();
        Assert.True(blobsBefore > 0); // the long answer went to a blob

        var purge = await new CallRetention(f.Table, f.Blobs).PurgeBeforeAsync(Cutoff, batchSize: 2).DefaultTimeout();

        Assert.Equal((3, 1), (purge.Calls, purge.OpenKept));
        Assert.Equal(3 * (1 + 2 + 1 + 1), purge.Rows); // record, two turns, one timeline entry and the index entry each
        foreach (var gone in new[] { "old-a", "old-b", "old-c" })
        {
            Assert.Null(await f.Store.GetDetailsAsync(gone).DefaultTimeout());
            Assert.Empty(await f.Store.GetTurnsAsync(gone).DefaultTimeout());
        }
        Assert.Equal(0, await f.Blobs.GetBlobsAsync().CountAsync());
        Assert.Equal(["old-open"], (await f.Store.ListDayAsync(Today.AddDays(-40), 10).DefaultTimeout()).Calls.Select(c => c.CallId));
        Assert.Empty((await f.Store.ListDayAsync(Today.AddDays(-31), 10).DefaultTimeout()).Calls);
        foreach (var kept in new[] { "old-open", "edge", "new" })
        {
            Assert.Equal(2, (await f.Store.GetDetailsAsync(kept).DefaultTimeout())!.Turns.Count);
        }
        Assert.Single((await f.Store.ListDayAsync(Cutoff, 10).DefaultTimeout()).Calls);
    }

    [SkippableFact]
    public async Task A_second_run_deletes_nothing_more()
    {
        await using var f = TestCallStorage.Create();
        await AddCallAsync(f, "old", Today.AddDays(-45));
        await AddCallAsync(f, "new", Today);
        var retention = new CallRetention(f.Table, f.Blobs);

        var first = await retention.PurgeBeforeAsync(Cutoff).DefaultTimeout();
        var left = await RowsAsync(f);
        var second = await retention.PurgeBeforeAsync(Cutoff).DefaultTimeout();

        Assert.Equal(1, first.Calls);
        Assert.Equal(new CallRowPurge(0, 0, 0), second);
        Assert.Equal(left.Select(r => (r.PartitionKey, r.RowKey)), (await RowsAsync(f)).Select(r => (r.PartitionKey, r.RowKey)));
    }

    [SkippableFact]
    public async Task A_run_cut_off_after_the_calls_rows_is_finished_by_the_next_which_removes_the_index_entry()
    {
        await using var f = TestCallStorage.Create();
        await AddCallAsync(f, "half", Today.AddDays(-60));
        // What a run stopped between the call's rows and its index entry leaves: the entry alone.
        var partition = CallTableKeys.CallPartition("half");
        foreach (var row in (await RowsAsync(f)).Where(r => r.PartitionKey == partition))
        {
            await f.Table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        var purge = await new CallRetention(f.Table, f.Blobs).PurgeBeforeAsync(Cutoff).DefaultTimeout();

        Assert.Equal(new CallRowPurge(1, 1, 0), purge);
        Assert.Empty(await RowsAsync(f));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task Batch_size_outside_the_table_transaction_limit_is_refused(int batchSize)
    {
        var retention = new CallRetention(new TableClient("UseDevelopmentStorage=true", "unused"), new Azure.Storage.Blobs.BlobContainerClient("UseDevelopmentStorage=true", "unused"));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => retention.PurgeBeforeAsync(Cutoff, batchSize));
    }
}
