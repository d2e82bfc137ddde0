using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>The day list names the other party of each call: the caller of an inbound call, the callee of a call we placed (Azurite).</summary>
public sealed class CallRemoteNumberTests
{
    [SkippableFact]
    public async Task The_day_list_shows_the_callee_of_an_outbound_call_and_the_caller_of_an_inbound_one_as_the_remote_number()
    {
        await using var storage = TestCallStorage.Create();
        var at = new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);
        await storage.Store.CreateAsync(new CallRecord { CallId = "call-out-remote-1", RoomName = "call-out-remote-1", StartedAt = at,
            Direction = CallDirection.Outbound, CallerNumber = "+15550002222", CalledNumber = "+15550001111" });
        await storage.Store.CreateAsync(new CallRecord { CallId = "room-remote-2", RoomName = "room-remote-2", StartedAt = at.AddSeconds(1),
            CallerNumber = "+15557654321", CalledNumber = "+15550002222" });

        var page = await storage.Store.ListDayAsync(DateOnly.FromDateTime(at.UtcDateTime), 10);

        var remote = page.Calls.ToDictionary(c => c.CallId, c => c.RemoteNumber);
        Assert.Equal("+15550001111", remote["call-out-remote-1"]);
        Assert.Equal("+15557654321", remote["room-remote-2"]);
    }
}
