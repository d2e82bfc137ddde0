using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.Stages;

public sealed class PlaybackTrackerTests
{
    private static short[] Frame(short value) => Enumerable.Repeat(value, AudioFormat.SamplesPerFrame).ToArray();

    [Fact]
    public void Each_slot_gives_the_next_queued_frame_as_the_far_end_then_silence()
    {
        var tracker = new PlaybackTracker();
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        tracker.Queued(Frame(1));
        tracker.Queued(Frame(2));

        Assert.True(tracker.NextSlot(farEnd)); // frame 1 played, frame 2 still queued
        Assert.All(farEnd, s => Assert.Equal(1, s));
        Assert.False(tracker.NextSlot(farEnd)); // frame 2 played, nothing left
        Assert.All(farEnd, s => Assert.Equal(2, s));
        Assert.False(tracker.NextSlot(farEnd));
        Assert.All(farEnd, s => Assert.Equal(0, s));
    }

    [Fact]
    public void A_reader_that_lags_the_media_clock_gets_the_agent_frame_that_played_in_its_caller_frames_slot()
    {
        var tracker = new PlaybackTracker();
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        tracker.NextSlot(farEnd, callerFramesWaiting: 3); // caller frame 0 read while frames 1–3 wait: slots 0–3 played silence
        tracker.Queued(Frame(1));                          // so the agent's frame plays in slot 4, not in the reader's next slot
        var firstSamples = new List<short>();
        foreach (var waiting in new[] { 3, 2, 1, 0, 0 })
        {
            tracker.NextSlot(farEnd, waiting);
            firstSamples.Add(farEnd[0]);
        }
        Assert.Equal([0, 0, 0, 1, 0], firstSamples); // caller frames 1–5: the agent's frame is paired with caller frame 4
    }

    [Fact]
    public void While_the_reader_catches_up_the_agents_audio_still_counts_as_audible_until_its_last_slot_is_read()
    {
        var tracker = new PlaybackTracker();
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        tracker.Queued(Frame(1));
        Assert.False(tracker.NextSlot(farEnd, callerFramesWaiting: 2)); // slots 0–2 played: the frame in slot 0, then silence
        Assert.Equal(1, farEnd[0]);
        Assert.Equal(0, tracker.Outstanding);
        tracker.Queued(Frame(2));                                       // written now: plays in slot 3
        Assert.True(tracker.NextSlot(farEnd, callerFramesWaiting: 2)); // caller frame 1; slot 3 (frame 2) has played after it
        Assert.True(tracker.NextSlot(farEnd, callerFramesWaiting: 1));
        Assert.False(tracker.NextSlot(farEnd, callerFramesWaiting: 0)); // caller frame 3 is the slot of frame 2: nothing after
        Assert.Equal(2, farEnd[0]);
    }

    [Fact]
    public void A_frame_is_copied_when_queued_so_the_writer_may_reuse_its_buffer()
    {
        var tracker = new PlaybackTracker();
        var buffer = Frame(7);
        tracker.Queued(buffer);
        Array.Fill(buffer, (short)9);
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        tracker.NextSlot(farEnd);
        Assert.All(farEnd, s => Assert.Equal(7, s));
    }

    [Fact]
    public void Frames_dropped_by_a_barge_in_never_play()
    {
        var tracker = new PlaybackTracker();
        tracker.Queued(Frame(5));
        tracker.Cleared();
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        Assert.False(tracker.NextSlot(farEnd));
        Assert.All(farEnd, s => Assert.Equal(0, s));
    }

    [Fact]
    public async Task Drained_completes_when_the_last_queued_frame_has_played()
    {
        var tracker = new PlaybackTracker();
        Assert.True(tracker.WhenDrained().IsCompleted);
        tracker.Queued(Frame(1));
        tracker.Queued(Frame(2));
        var drained = tracker.WhenDrained();
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        tracker.NextSlot(farEnd);
        Assert.False(drained.IsCompleted);
        tracker.NextSlot(farEnd);
        await drained.DefaultTimeout();
    }

    [Fact]
    public async Task Drained_completes_at_a_barge_in()
    {
        var tracker = new PlaybackTracker();
        tracker.Queued(Frame(1));
        var drained = tracker.WhenDrained();
        tracker.Cleared();
        await drained.DefaultTimeout();
    }

    [Fact]
    public void More_frames_than_the_initial_ring_are_kept_in_order()
    {
        var tracker = new PlaybackTracker();
        for (short i = 1; i <= 200; i++)
        {
            tracker.Queued(Frame(i));
        }
        Assert.Equal(200, tracker.Outstanding);
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        for (short i = 1; i <= 200; i++)
        {
            tracker.NextSlot(farEnd);
            Assert.Equal(i, farEnd[0]);
        }
    }
}
