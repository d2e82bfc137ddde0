using VoiceFunctions.Cli.Calls;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.Quality;

namespace VoiceFunctions.Cli.Tests;

/// <summary>`voicectl calls show` prints the call's media quality per direction, and says so when a figure is unknown.</summary>
public class CallQualityFormatTests
{
    [Fact]
    public void Show_prints_the_media_quality_of_both_directions()
    {
        var record = new CallRecord
        {
            CallId = "CA_q", RoomName = "CA_q", StartedAt = new DateTimeOffset(2026, 12, 6, 9, 0, 0, TimeSpan.Zero),
            Quality = new CallMediaQuality
            {
                MeasuredAt = new DateTimeOffset(2026, 12, 6, 9, 1, 0, TimeSpan.Zero), Final = true, Codec = "G722/8000", RoundTripMs = 42,
                FromCaller = new MediaDirectionQuality { Packets = 2990, PacketsLost = 10, LossPercent = 0.3, JitterMs = 1.25, ConcealedMs = 200, RFactor = 90.1, Mos = 4.33 },
                ToCaller = new MediaDirectionQuality { Packets = 3001 },
            },
        };

        var lines = CallFormatter.Details(new CallDetailsResponse(record, null, null, [])).ToList();

        var at = lines.IndexOf("media quality (G722/8000, end of call, round trip 42 ms):");
        Assert.True(at >= 0, string.Join('\n', lines));
        Assert.Equal("  from caller: packets 2990, lost 10 (0.3 %), jitter 1.3 ms, concealed 200 ms, MOS 4.33", lines[at + 1]);
        Assert.Equal("  to caller:   packets 3001, MOS unknown (no receiver report)", lines[at + 2]);
    }
}
