using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Shared.Tests.Calls;

public sealed class CallIdsAndLatencyTests
{
    [Theory]
    [InlineData("call-_+79990001122_aBc")]
    [InlineData("call-123")]
    public void Safe_room_names_are_their_own_call_id(string room) => Assert.Equal(room, CallIds.FromRoomName(room));

    [Fact]
    public void Room_names_with_characters_keys_cannot_hold_get_a_clean_distinct_id()
    {
        var a = CallIds.FromRoomName("call/a#b?c");
        var b = CallIds.FromRoomName("call_a_b_c");
        var c = CallIds.FromRoomName("call\\a#b?c");

        Assert.DoesNotContain('/', a);
        Assert.DoesNotContain('#', a);
        Assert.DoesNotContain('?', a);
        Assert.NotEqual(a, b); // the replaced name does not collide with a room already named that way
        Assert.NotEqual(a, c);
        Assert.Equal(a, CallIds.FromRoomName("call/a#b?c")); // stable
    }

    [Fact]
    public void Over_long_room_names_are_cut_with_a_hash_that_keeps_them_apart()
    {
        var long1 = "call-" + new string('x', 200) + "1";
        var long2 = "call-" + new string('x', 200) + "2";

        Assert.True(CallIds.FromRoomName(long1).Length <= CallIds.MaxLength);
        Assert.NotEqual(CallIds.FromRoomName(long1), CallIds.FromRoomName(long2));
    }

    [Fact]
    public void Latency_summary_uses_nearest_rank_percentiles()
    {
        var summary = LatencySummary.From([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
        Assert.Equal(new LatencySummary(10, 500, 1000, 1000, 550), summary);
        Assert.Equal(LatencySummary.Empty, LatencySummary.From([]));
    }

    [Fact]
    public void Day_row_keys_sort_newest_first()
    {
        var early = CallTableKeys.DayRowKey(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero), "a");
        var late = CallTableKeys.DayRowKey(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), "b");
        Assert.True(string.CompareOrdinal(late, early) < 0);
    }
}
