using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Agent.Stages;

public sealed class SentAgentFramesTests
{
    private static short[] Frame(short value) => Enumerable.Repeat(value, AudioFormat.SamplesPerFrame).ToArray();

    [Fact]
    public void Each_caller_frame_is_paired_with_the_frame_sent_a_fixed_number_of_slots_before_it_however_late_it_is_read_and_whatever_the_queue_did()
    {
        var sent = new SentAgentFrames();
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        // The clock sends slots 1, 2, 3 while the reader is asleep; slot 2 carried silence (the agent's writer was late:
        // a follower of the queue would have played the agent's next frame there).
        sent.AgentFrame(Frame(1));
        sent.AgentFrame(ReadOnlySpan<short>.Empty);
        sent.AgentFrame(Frame(3));
        sent.CopyReference(read: 0, callerFramesWaiting: 0, farEnd); // fixes the pairing: read n ↔ slot n + 1 (0-based)
        Assert.Equal(0, farEnd[0]); // slot 1 went out silent, and so is its reference
        sent.AgentFrame(Frame(4));
        sent.AgentFrame(Frame(5));
        var paired = new List<short>();
        for (var read = 1; read <= 3; read++)
        {
            sent.CopyReference(read, callerFramesWaiting: 3 - read, farEnd); // a reader catching up: ignored after the first read
            paired.Add(farEnd[0]);
        }
        Assert.Equal([3, 4, 5], paired);
    }

    [Fact]
    public void A_reader_later_than_the_remembered_slots_gets_silence_rather_than_another_slots_frame()
    {
        var sent = new SentAgentFrames();
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        sent.AgentFrame(Frame(1));
        sent.AgentFrame(Frame(2));
        sent.CopyReference(read: 0, callerFramesWaiting: 0, farEnd);
        for (var slot = 0; slot < 100; slot++)
        {
            sent.AgentFrame(Frame(7));
        }
        sent.CopyReference(read: 1, callerFramesWaiting: 0, farEnd);
        Assert.All(farEnd, s => Assert.Equal(0, s));
    }

    [Fact]
    public void When_the_jitter_buffer_inserts_or_skips_a_frame_the_pairing_moves_with_the_callers_audio()
    {
        var sent = new SentAgentFrames();
        var farEnd = new short[AudioFormat.SamplesPerFrame];
        var paired = new List<short>();
        var slipped = new List<int>();
        // Slot n carries agent frame n; the clock produces caller frame n right after sending slot n, slipping as the
        // jitter buffer says: one frame inserted at caller frame 4 (depth +20 ms), a second at 6, one skipped at 9.
        long[] slipMs = [0, 0, 0, 0, 20, 20, 40, 40, 40, 20, 20, 20];
        for (var tick = 0; tick < slipMs.Length; tick++)
        {
            sent.AgentFrame(Frame((short)(tick + 1)));
            sent.CallerFrameProduced(slipMs[tick]);
            slipped.Add(sent.CopyReference(read: tick, callerFramesWaiting: 0, farEnd));
            paired.Add(farEnd[0]);
        }
        // Read n is paired with slot n − 1 (just behind the clock), less the frames its audio slipped behind it.
        Assert.Equal([0, 1, 2, 3, 3, 4, 4, 5, 6, 8, 9, 10], paired);
        Assert.Equal([0, 0, 0, 0, 1, 0, 1, 0, 0, -1, 0, 0], slipped); // what the input stage's PlayoutSlipGuard acts on
    }
}
