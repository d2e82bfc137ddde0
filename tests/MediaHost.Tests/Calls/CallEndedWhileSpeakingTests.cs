using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Tests.Sip.UserAgent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Calls;

/// <summary>
/// A call that ends while the agent is speaking is normal: the audio surface takes what the agent still writes and
/// drops it, with no exception and nothing logged as an error (the media session itself refuses writes once stopped).
/// </summary>
public sealed class CallEndedWhileSpeakingTests
{
    [Fact]
    public async Task Audio_written_after_the_caller_hung_up_is_dropped_quietly()
    {
        using var bed = new SipTestBed();
        var (session, tag) = await bed.ConnectAsync("call-ended-1");
        var frame = new short[AudioFormat.SamplesPerFrame];
        await session.WriteFrameAsync(frame, CancellationToken.None);

        bed.Peer.Send(FakeSipPeer.Request("BYE", "call-ended-1", 2, "z9hG4bK-bye", tag));
        await session.Ended.DefaultTimeout();

        await session.WriteFrameAsync(frame, CancellationToken.None); // the media session would throw: the call does not
        Assert.Equal(1, bed.Media.Sessions[0].FramesWritten);
        Assert.True(bed.Media.Sessions[0].Stopped);
        Assert.False(await session.ReadFrameAsync(frame, CancellationToken.None));
        Assert.False(await session.SendDtmfAsync('5', TimeSpan.FromMilliseconds(100), CancellationToken.None));
    }

    public static TheoryData<DialogLeg> Legs => new() { DialogLeg.Received, DialogLeg.Placed };

    [Theory]
    [MemberData(nameof(Legs))]
    public async Task Audio_written_after_the_far_end_hung_up_is_dropped_quietly_on_a_received_and_on_a_placed_call(DialogLeg leg)
    {
        using var dialog = await ConnectedDialog.ConnectAsync(leg);
        var frame = new short[AudioFormat.SamplesPerFrame];
        await dialog.Session.WriteFrameAsync(frame, CancellationToken.None);

        dialog.Send("BYE", 2);
        await dialog.Session.Ended.DefaultTimeout();
        await dialog.Session.WriteFrameAsync(frame, CancellationToken.None);
        await dialog.Session.WriteFrameAsync(frame, CancellationToken.None);

        Assert.Equal(200, dialog.Answer(2).StatusCode);
        Assert.Equal(1, dialog.Media.FramesWritten);
        Assert.True(dialog.Media.Stopped);
        Assert.False(await dialog.Session.ReadFrameAsync(frame, CancellationToken.None));
    }

    [Fact]
    public async Task A_call_that_ends_while_the_agent_speaks_logs_no_error_and_is_not_refused()
    {
        var logger = new CapturingLogger();
        var speaker = new SpeakUntilHungUpHandler();
        using var bed = new SipTestBed(handler: speaker, logger: logger);
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "call-ended-2", 1, "z9hG4bK-inv2", body: FakeSipPeer.Sdp));
        await speaker.Speaking.DefaultTimeout();
        var tag = bed.Peer.Responses(200).Last().To!.Tag!;
        bed.Peer.Send(FakeSipPeer.Request("ACK", "call-ended-2", 1, "z9hG4bK-ack2", tag));

        bed.Peer.Send(FakeSipPeer.Request("BYE", "call-ended-2", 2, "z9hG4bK-bye2", tag));
        await WaitUntilAsync(() => speaker.FramesAfterEnd == 5 || logger.Entries.Any(e => e.Level >= LogLevel.Error));

        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Error);
        Assert.Equal(5, speaker.FramesAfterEnd);
        Assert.Empty(bed.Peer.Responses(500));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
    }
}
