using VoiceFunctions.Cli.Calls;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Tests;

/// <summary>`voicectl calls list/show` say whether we placed the call or the caller dialled us.</summary>
public class CallDirectionFormatTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void List_rows_show_the_direction_under_the_DIR_header_and_stay_within_80_columns()
    {
        var outbound = new CallSummary("call-out-3f9a0b2c1d4e5f60718293", "call-out-3f9a0b2c1d4e5f60718293", Started, Started.AddSeconds(30),
            CallOutcome.Abandoned, CallEndReason.Rejected, "+15550002222", 12345, CallDirection.Outbound);
        var inbound = outbound with { CallId = "call-in", Direction = CallDirection.Inbound };

        var outRow = CallFormatter.Row(outbound);
        var inRow = CallFormatter.Row(inbound);

        var column = CallFormatter.Header.IndexOf("DIR", StringComparison.Ordinal);
        Assert.Equal("out", outRow.Substring(column, 3));
        Assert.Equal("in ", inRow.Substring(column, 3));
        Assert.Equal(CallFormatter.Header.IndexOf("OUTCOME", StringComparison.Ordinal), outRow.IndexOf("Abandoned", StringComparison.Ordinal));
        Assert.True(outRow.Length <= 80, outRow);
    }

    [Fact]
    public void Show_prints_the_direction_of_the_call()
    {
        var outbound = new CallRecord { CallId = "call-out-1", RoomName = "call-out-1", StartedAt = Started, Direction = CallDirection.Outbound };

        var outLines = CallFormatter.Details(new CallDetailsResponse(outbound, null, null, [])).ToList();
        var inLines = CallFormatter.Details(new CallDetailsResponse(outbound with { Direction = CallDirection.Inbound }, null, null, [])).ToList();

        Assert.Contains("direction: Outbound", outLines);
        Assert.Contains("direction: Inbound", inLines);
    }
}
