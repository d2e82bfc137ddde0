using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Tests.Providers;

/// <summary>The one idle deadline every vendor stream (Deepgram, ElevenLabs, Yandex STT/TTS, IChatClient) waits under.</summary>
public sealed class StreamIdleDeadlineTests
{
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void A_stream_silent_for_the_idle_timeout_expires_as_a_provider_timeout_naming_the_provider()
    {
        using var deadline = new StreamIdleDeadline("vendor-x", TimeSpan.FromSeconds(5), _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(deadline.Token.IsCancellationRequested);
        _time.Advance(TimeSpan.FromSeconds(0.2));

        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.True(deadline.Expired);
        var timeout = deadline.Timeout();
        Assert.Equal("vendor-x", timeout.Provider);
        Assert.Equal(TimeSpan.FromSeconds(5), timeout.Timeout);
    }

    [Fact]
    public void An_expiry_seen_on_time_blames_the_vendor_but_one_seen_long_after_it_was_due_is_our_own_lateness()
    {
        using var onTime = new StreamIdleDeadline("vendor-x", TimeSpan.FromSeconds(5), _time, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(5.1));
        Assert.False(onTime.Timeout().OurLateness);

        using var late = new StreamIdleDeadline("vendor-x", TimeSpan.FromSeconds(5), _time, CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(9)); // our reader was not scheduled for 4 s after the deadline
        Assert.True(late.Expired);
        Assert.True(late.Timeout().OurLateness);
    }

    [Fact]
    public void Audio_we_send_restarts_the_vendors_silence_clock_so_a_late_send_never_expires_on_the_vendor()
    {
        using var deadline = new StreamIdleDeadline("vendor-x", TimeSpan.FromSeconds(5), _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(4)); // our send queue stalled: the audio goes out only now
        deadline.Sent();
        _time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(deadline.Expired, "silence counts from the audio we actually sent");

        _time.Advance(TimeSpan.FromSeconds(1.1));
        Assert.True(deadline.Expired);
    }

    [Fact]
    public void Each_message_gives_the_next_one_the_whole_idle_timeout_again()
    {
        using var deadline = new StreamIdleDeadline("vendor-x", TimeSpan.FromSeconds(5), _time, CancellationToken.None);

        for (var i = 0; i < 4; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(4));
            deadline.MessageArrived();
        }

        Assert.False(deadline.Token.IsCancellationRequested, "16 s of steady messages must not expire a 5 s idle deadline");
        _time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(deadline.Expired);
    }

    [Fact]
    public void The_first_message_may_have_its_own_longer_wait()
    {
        using var deadline = new StreamIdleDeadline("vendor-x", TimeSpan.FromSeconds(2), _time, CancellationToken.None, firstMessageTimeout: TimeSpan.FromSeconds(10));

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(deadline.Expired);
        _time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(deadline.Expired);
        Assert.Equal(TimeSpan.FromSeconds(10), deadline.Timeout().Timeout);
    }

    [Fact]
    public void The_callers_cancellation_cancels_the_wait_but_is_not_a_timeout()
    {
        using var caller = new CancellationTokenSource();
        using var deadline = new StreamIdleDeadline("vendor-x", TimeSpan.FromSeconds(5), _time, caller.Token);

        caller.Cancel();

        Assert.True(deadline.Token.IsCancellationRequested);
        Assert.False(deadline.Expired);
    }
}
