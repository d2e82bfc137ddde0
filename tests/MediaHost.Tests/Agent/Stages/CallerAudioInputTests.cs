using System.Threading.Channels;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent.Stages;

public sealed class CallerAudioInputTests
{
    [Fact]
    public async Task The_front_end_gets_the_agent_frame_that_played_in_the_same_slot_and_its_output_goes_on()
    {
        var call = new TestCallSession(maxFrames: 4) { FramePace = TimeSpan.Zero };
        var tracker = new PlaybackTracker();
        var agentFrame = Enumerable.Repeat((short)1000, AudioFormat.SamplesPerFrame).ToArray();
        await call.WriteFrameAsync(agentFrame, CancellationToken.None); // plays in the first slot
        tracker.Queued(agentFrame);
        var frontEnd = new RecordingFrontEnd();
        var frames = Channel.CreateUnbounded<CallerFrame>();

        await new CallerAudioInput(call, tracker, frontEnd, new AudioFramePool(), call.Clock).RunAsync(frames.Writer, CancellationToken.None).DefaultTimeout();

        Assert.Equal([1000, 0, 0, 0], frontEnd.FarEndFirstSamples);
        var read = await frames.Reader.ReadAllAsync().ToListAsync().AsTask().DefaultTimeout();
        Assert.Equal(4, read.Count);
        Assert.All(read, f => Assert.Equal(RecordingFrontEnd.Marker, f.Samples[0])); // the cleaned frame, not the raw one
        Assert.True(read[0].FarEndLevelDbfs > -40);
        Assert.Equal(-96, read[1].FarEndLevelDbfs);
        Assert.False(read[0].AgentAudible); // nothing queued after the only agent frame
        Assert.True(read[0].FrontEnd.FarEndActive);
        Assert.False(read[1].FrontEnd.FarEndActive);
    }

    /// <summary>Records the far-end reference of each slot and marks the near-end frame as cleaned.</summary>
    private sealed class RecordingFrontEnd : IAudioFrontEnd
    {
        public const short Marker = 4242;

        public List<short> FarEndFirstSamples { get; } = [];

        public FrontEndFrame Process(ReadOnlySpan<short> farEnd, Span<short> nearEnd)
        {
            FarEndFirstSamples.Add(farEnd[0]);
            nearEnd[0] = Marker;
            return new FrontEndFrame(farEnd.ContainsAnyExcept((short)0), false, 0f);
        }

        public void Dispose()
        {
        }
    }
}
