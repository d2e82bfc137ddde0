using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Calls;

public sealed class CallStoreTests
{
    private static readonly DateTimeOffset Day = new(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);

    private static CallRecord NewCall(string id, DateTimeOffset startedAt) => new()
    {
        CallId = id,
        RoomName = "call-" + id,
        CallerNumber = "+79990001122",
        CalledNumber = "+74950000000",
        TrunkId = "ST_in",
        StartedAt = startedAt,
    };

    [SkippableFact]
    public async Task Created_call_reads_back_with_every_field()
    {
        await using var f = TestCallStorage.Create();
        var record = NewCall("a1", Day.AddHours(9)) with
        {
            AnsweredAt = Day.AddHours(9).AddSeconds(2.5),
            EndedAt = Day.AddHours(9).AddMinutes(3),
            Outcome = CallOutcome.Completed,
            EndReason = CallEndReason.CallerHangUp,
            ReasonText = "caller left",
            DispatchAttempts = 2,
            TurnCount = 4,
            Latency = new LatencySummary(4, 700, 900, 950, 760),
            Summary = "Caller asked about opening hours.",
            Errors = ["stt timeout"],
        };

        Assert.True(await f.Store.CreateAsync(record).DefaultTimeout());
        var read = await f.Store.GetAsync("a1").DefaultTimeout();

        Assert.NotNull(read);
        Assert.Equal(record with { Errors = read!.Errors }, read);
        Assert.Equal(["stt timeout"], read.Errors);
        Assert.Equal(TimeSpan.FromSeconds(2.5), read.AgentAnswerLatency);
        Assert.Equal(TimeSpan.FromMinutes(3), read.Duration);
    }

    [SkippableFact]
    public async Task Creating_the_same_call_twice_writes_once_and_keeps_the_first_record()
    {
        await using var f = TestCallStorage.Create();
        Assert.True(await f.Store.CreateAsync(NewCall("dup", Day.AddHours(1))).DefaultTimeout());
        Assert.False(await f.Store.CreateAsync(NewCall("dup", Day.AddHours(1)) with { CallerNumber = "+1" }).DefaultTimeout());

        var read = await f.Store.GetAsync("dup").DefaultTimeout();
        Assert.Equal("+79990001122", read!.CallerNumber);
        var page = await f.Store.ListDayAsync(DateOnly.FromDateTime(Day.UtcDateTime), 10).DefaultTimeout();
        Assert.Single(page.Calls);
    }

    [SkippableFact]
    public async Task Concurrent_updates_with_etag_conflicts_all_take_effect()
    {
        await using var f = TestCallStorage.Create();
        await f.Store.CreateAsync(NewCall("busy", Day.AddHours(2))).DefaultTimeout();

        // Each writer appends its own error; without ETags the last writer would erase the others.
        using var start = new ManualResetEventSlim();
        var writers = Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            start.Wait();
            await f.Store.UpdateAsync("busy", r => r.WithError("error " + i));
        })).ToArray();
        start.Set();
        await Task.WhenAll(writers).DefaultTimeout();

        var read = await f.Store.GetAsync("busy").DefaultTimeout();
        Assert.Equal(Enumerable.Range(0, 8).Select(i => "error " + i).Order(), read!.Errors.Order());
        Assert.True(f.Store.ConflictRetries > 0, "the writers raced, so at least one ETag conflict was retried");
    }

    [SkippableFact]
    public async Task An_update_that_changes_nothing_writes_nothing()
    {
        await using var f = TestCallStorage.Create();
        await f.Store.CreateAsync(NewCall("idem", Day.AddHours(3))).DefaultTimeout();
        var answeredAt = Day.AddHours(3).AddSeconds(1);
        CallRecord? MarkAnswered(CallRecord r) => r.AnsweredAt is null ? r with { AnsweredAt = answeredAt } : null;

        await f.Store.UpdateAsync("idem", MarkAnswered).DefaultTimeout();
        var etagAfterFirst = (await f.Table.GetEntityAsync<Azure.Data.Tables.TableEntity>(CallTableKeys.CallPartition("idem"), CallTableKeys.RecordRowKey)).Value.ETag;
        // The activity is retried after a crash: the same change runs again.
        await f.Store.UpdateAsync("idem", MarkAnswered).DefaultTimeout();
        var etagAfterRetry = (await f.Table.GetEntityAsync<Azure.Data.Tables.TableEntity>(CallTableKeys.CallPartition("idem"), CallTableKeys.RecordRowKey)).Value.ETag;

        Assert.Equal(etagAfterFirst, etagAfterRetry);
        Assert.Equal(answeredAt, (await f.Store.GetAsync("idem"))!.AnsweredAt);
    }

    [SkippableFact]
    public async Task Update_of_an_unknown_call_returns_null_and_creates_nothing()
    {
        await using var f = TestCallStorage.Create();
        Assert.Null(await f.Store.UpdateAsync("ghost", r => r with { TurnCount = 1 }).DefaultTimeout());
        Assert.Null(await f.Store.GetAsync("ghost").DefaultTimeout());
    }

    [SkippableFact]
    public async Task A_turn_reported_twice_is_stored_once_and_turns_come_back_in_order()
    {
        await using var f = TestCallStorage.Create();
        await f.Store.CreateAsync(NewCall("t", Day.AddHours(4))).DefaultTimeout();
        var second = new CallTurn { CallId = "t", Sequence = 2, CallerText = "и ещё", AgentText = "конечно", ResponseLatencyMs = 800 };
        Assert.True(await f.Store.AppendTurnAsync(second).DefaultTimeout());
        Assert.True(await f.Store.AppendTurnAsync(new CallTurn { CallId = "t", Sequence = 1, CallerText = "здравствуйте", AgentText = "добрый день", ResponseLatencyMs = 650, Interrupted = true }).DefaultTimeout());
        Assert.False(await f.Store.AppendTurnAsync(second with { AgentText = "changed" }).DefaultTimeout());

        var details = await f.Store.GetDetailsAsync("t").DefaultTimeout();
        Assert.Equal([1, 2], details!.Turns.Select(t => t.Sequence));
        Assert.Equal("здравствуйте", details.Turns[0].CallerText);
        Assert.True(details.Turns[0].Interrupted);
        Assert.Equal("конечно", details.Turns[1].AgentText);
        Assert.Equal(2, (await f.Store.GetTurnsAsync("t").DefaultTimeout()).Count);
    }

    [SkippableFact]
    public async Task A_transcript_longer_than_a_table_property_goes_to_a_blob_and_reads_back_whole()
    {
        await using var f = TestCallStorage.Create(o => o.MaxInlineTextChars = 1_000);
        await f.Store.CreateAsync(NewCall("long", Day.AddHours(5))).DefaultTimeout();
        var longText = string.Concat(Enumerable.Repeat("Очень длинная реплика. ", 5_000)); // ~115 K chars > 64 KiB property limit
        await f.Store.AppendTurnAsync(new CallTurn { CallId = "long", Sequence = 1, CallerText = longText, AgentText = "ok" }).DefaultTimeout();
        await f.Store.UpdateAsync("long", r => r with { Summary = longText }).DefaultTimeout();

        var details = await f.Store.GetDetailsAsync("long").DefaultTimeout();
        Assert.Equal(longText, details!.Turns[0].CallerText);
        Assert.Equal("ok", details.Turns[0].AgentText);
        Assert.Equal(longText, details.Record.Summary);
        Assert.True(await f.Blobs.ExistsAsync());
    }

    [SkippableFact]
    public async Task Day_list_pages_newest_first_across_buckets_without_gaps_or_repeats()
    {
        await using var f = TestCallStorage.Create(o => o.DayBuckets = 4);
        var starts = Enumerable.Range(0, 23).Select(i => (Id: "p" + i, At: Day.AddMinutes(i * 7))).ToList();
        await Task.WhenAll(starts.Select(s => f.Store.CreateAsync(NewCall(s.Id, s.At)))).DefaultTimeout();
        // A call of the next day must not appear in this day's list.
        await f.Store.CreateAsync(NewCall("tomorrow", Day.AddDays(1).AddMinutes(1))).DefaultTimeout();

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await f.Store.ListDayAsync(DateOnly.FromDateTime(Day.UtcDateTime), 5, token).DefaultTimeout();
            Assert.InRange(page.Calls.Count, 1, 5);
            seen.AddRange(page.Calls.Select(c => c.CallId));
            token = page.ContinuationToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(5, pages);
        Assert.Equal(starts.OrderByDescending(s => s.At).Select(s => s.Id), seen);
    }

    [SkippableFact]
    public async Task Finalizing_a_call_updates_its_day_list_row_and_removes_it_from_the_open_calls()
    {
        await using var f = TestCallStorage.Create();
        await f.Store.CreateAsync(NewCall("fin", Day.AddHours(6))).DefaultTimeout();
        await f.Store.CreateAsync(NewCall("open", Day.AddHours(7))).DefaultTimeout();
        await f.Store.UpdateAsync("fin", r => r with { EndedAt = r.StartedAt.AddMinutes(1), Outcome = CallOutcome.Completed, EndReason = CallEndReason.CallerHangUp }).DefaultTimeout();

        var day = DateOnly.FromDateTime(Day.UtcDateTime);
        var summary = (await f.Store.ListDayAsync(day, 10).DefaultTimeout()).Calls.Single(c => c.CallId == "fin");
        Assert.Equal(CallOutcome.Completed, summary.Outcome);
        Assert.Equal(CallEndReason.CallerHangUp, summary.EndReason);
        Assert.Equal(["open"], (await f.Store.ListOpenAsync(day).DefaultTimeout()).Select(c => c.CallId));
    }

    [SkippableFact]
    public async Task A_continuation_token_that_was_not_issued_is_refused_clearly()
    {
        await using var f = TestCallStorage.Create();
        var e = await Assert.ThrowsAsync<ArgumentException>(() => f.Store.ListDayAsync(DateOnly.FromDateTime(Day.UtcDateTime), 10, "!!not-base64!!"));
        Assert.Contains("continuation token", e.Message);
    }
}
