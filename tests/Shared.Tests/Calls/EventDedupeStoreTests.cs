using Azure.Data.Tables;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Calls;

public sealed class EventDedupeStoreTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
    private TableClient _table = null!;
    private EventDedupeStore _store = null!;

    public Task InitializeAsync()
    {
        var connection = Azurite.RequireRunning();
        _table = new TableClient(connection, "dedupe" + Guid.NewGuid().ToString("N")[..16]);
        _store = new EventDedupeStore(_table, _time);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_table is not null)
        {
            await _table.DeleteAsync();
        }
    }

    [SkippableFact]
    public async Task First_claim_of_an_event_wins_and_every_repeat_is_a_duplicate()
    {
        Assert.True(await _store.TryClaimAsync("livekit", "EV_abc").DefaultTimeout());
        Assert.False(await _store.TryClaimAsync("livekit", "EV_abc").DefaultTimeout());
        Assert.True(await _store.TryClaimAsync("agent", "EV_abc").DefaultTimeout()); // sources do not collide
    }

    [SkippableFact]
    public async Task Concurrent_claims_of_one_event_have_exactly_one_winner()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => _store.TryClaimAsync("livekit", "EV_race")))).DefaultTimeout();
        Assert.Equal(1, results.Count(r => r));
    }

    [SkippableFact]
    public async Task A_released_claim_can_be_claimed_again()
    {
        Assert.True(await _store.TryClaimAsync("livekit", "EV_fail").DefaultTimeout());
        await _store.ReleaseAsync("livekit", "EV_fail").DefaultTimeout();
        Assert.True(await _store.TryClaimAsync("livekit", "EV_fail").DefaultTimeout());
    }

    [SkippableFact]
    public async Task Cleanup_removes_only_claims_older_than_the_retention()
    {
        for (var i = 0; i < 30; i++)
        {
            await _store.TryClaimAsync("livekit", "EV_old" + i).DefaultTimeout();
        }
        _time.Advance(TimeSpan.FromHours(25));
        await _store.TryClaimAsync("livekit", "EV_new").DefaultTimeout();

        Assert.Equal(30, await _store.CleanupAsync(TimeSpan.FromHours(24)).DefaultTimeout());
        Assert.True(await _store.TryClaimAsync("livekit", "EV_old3").DefaultTimeout());
        Assert.False(await _store.TryClaimAsync("livekit", "EV_new").DefaultTimeout());
    }
}
