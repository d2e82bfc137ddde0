using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Tests.Agent;

namespace VoiceFunctions.MediaHost.Tests.Agent.EndOfTurn;

public sealed class PitchTrackerTests
{
    [Theory]
    [InlineData(85)]   // a low male voice
    [InlineData(120)]
    [InlineData(210)]  // a female voice
    [InlineData(330)]
    public void A_steady_voice_reads_its_fundamental_within_two_percent(double hz)
    {
        var tracker = new PitchTracker();
        var readings = SyntheticAudio.Frames(GlidingVoice.Glide(hz, hz, 400)).Select(f => tracker.Next(f)).Skip(2).ToList();

        Assert.All(readings, r => Assert.InRange(r, hz * 0.98, hz * 1.02));
    }

    [Fact]
    public void Noise_and_silence_are_not_voiced()
    {
        var tracker = new PitchTracker();
        var noise = SyntheticAudio.Frames(SyntheticAudio.WhiteNoise(-25, 400, seed: 3)).Select(f => tracker.Next(f)).ToList();
        var silence = SyntheticAudio.Frames(SyntheticAudio.Silence(200)).Select(f => tracker.Next(f)).Skip(2).ToList();

        Assert.All(noise, r => Assert.Equal(0f, r));
        Assert.All(silence, r => Assert.Equal(0f, r));
    }

    [Fact]
    public void Tracking_a_turn_allocates_nothing_per_frame()
    {
        var contour = new PauseContourTracker();
        var frames = SyntheticAudio.Frames(GlidingVoice.Glide(140, 90, 1000)).ToArray();
        contour.TurnStarted();
        foreach (var f in frames)
        {
            contour.OnFrame(f, isSpeech: true); // warm-up
        }
        contour.Judge();

        contour.TurnStarted();
        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var f in frames)
        {
            contour.OnFrame(f, isSpeech: true);
        }
        contour.Judge();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
