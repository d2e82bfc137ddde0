using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Tests.Agent.Stages;

public sealed class PreRollBufferTests
{
    [Fact]
    public void Keeps_the_last_frames_oldest_first()
    {
        var preRoll = new PreRollBuffer(frames: 3);
        for (short i = 1; i <= 5; i++)
        {
            preRoll.Push(Enumerable.Repeat(i, AudioFormat.SamplesPerFrame).ToArray());
        }
        Assert.Equal(3, preRoll.Count);
        Assert.Equal([3, 4, 5], Enumerable.Range(0, 3).Select(i => (int)preRoll.Frame(i)[0]));
    }

    [Fact]
    public void Before_it_fills_it_holds_what_it_was_given()
    {
        var preRoll = new PreRollBuffer(frames: 10);
        preRoll.Push(new short[AudioFormat.SamplesPerFrame]);
        Assert.Equal(1, preRoll.Count);
        Assert.Equal(AudioFormat.SamplesPerFrame, preRoll.Frame(0).Length);
    }
}
