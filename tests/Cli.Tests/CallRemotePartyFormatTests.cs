using VoiceFunctions.Cli.Calls;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Cli.Tests;

/// <summary>`voicectl calls list` shows the other party under REMOTE: for a call we placed, the callee, not our own caller ID.</summary>
public class CallRemotePartyFormatTests
{
    [Fact]
    public void An_outbound_call_lists_its_callee_under_REMOTE_not_our_caller_ID()
    {
        var started = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
        var call = new CallSummary("call-out-1", "call-out-1", started, started.AddSeconds(30), CallOutcome.Completed, CallEndReason.CallerHangUp,
            "+15550002222", 900, CallDirection.Outbound, RemoteNumber: "+15550001111");

        var row = CallFormatter.Row(call);

        Assert.Equal(CallFormatter.Header.IndexOf("REMOTE", StringComparison.Ordinal), row.IndexOf("+15550001111", StringComparison.Ordinal));
        Assert.DoesNotContain("+15550002222", row);
    }
}
