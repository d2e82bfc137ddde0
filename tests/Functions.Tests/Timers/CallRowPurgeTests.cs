using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.Functions.LocalHost;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Timers;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Timers;

/// <summary>The Purge timer's call-row retention: Retention:CallDays whole UTC days, on the host's own services.</summary>
public sealed class CallRowPurgeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 3, 0, 0, TimeSpan.Zero);

    [SkippableFact]
    public async Task Calls_started_more_than_CallDays_days_ago_are_deleted_and_younger_ones_kept()
    {
        await using var f = TestCallStorage.Create();
        await f.Store.CreateAsync(new CallRecord { CallId = "aged", RoomName = "call-aged", StartedAt = Now.AddDays(-11), Outcome = CallOutcome.Completed }).DefaultTimeout();
        await f.Store.CreateAsync(new CallRecord { CallId = "young", RoomName = "call-young", StartedAt = Now.AddDays(-10), Outcome = CallOutcome.Completed }).DefaultTimeout();
        var purger = new CallRowPurger(new CallRetention(f.Table, f.Blobs), Options.Create(new RetentionOptions { CallDays = 10 }),
            new FakeTimeProvider(Now), NullLogger<CallRowPurger>.Instance);

        var purge = await purger.PurgeAsync(CancellationToken.None).DefaultTimeout();

        Assert.Equal(1, purge.Calls);
        Assert.Null(await f.Store.GetAsync("aged").DefaultTimeout());
        Assert.NotNull(await f.Store.GetAsync("young").DefaultTimeout());
    }

    [SkippableFact]
    public async Task The_Purge_timers_class_gets_the_call_row_purger_from_the_local_hosts_services()
    {
        await using var plane = new DirectModeControlPlane(FreePort.Next());
        await using var app = LocalControlPlaneHost.Build([], c => c.AddInMemoryCollection(plane.Settings));

        Assert.NotNull(app.Services.GetRequiredService<TimerFunctions>());
        Assert.Equal(30, app.Services.GetRequiredService<IOptions<RetentionOptions>>().Value.CallDays);
    }
}
