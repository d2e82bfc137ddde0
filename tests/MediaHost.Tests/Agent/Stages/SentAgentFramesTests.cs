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
}
