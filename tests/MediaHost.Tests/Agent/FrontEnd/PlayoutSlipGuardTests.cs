using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Agent.FrontEnd;

/// <summary>
/// The jitter buffer's inserted and skipped frames kept out of the echo canceller's way (<see cref="PlayoutSlipGuard"/>).
/// What it buys on simulated lines is measured in bench (frontend-bargein slips: 17 of 24 missed barge-ins → 0 of 24).
/// </summary>
public sealed class PlayoutSlipGuardTests
{
    [Fact]
    public void A_frame_the_jitter_buffer_inserted_never_reaches_the_canceller_and_reaches_the_listener_as_silence()
    {
        var frontEnd = new CountingFrontEndDouble();
        var guard = new PlayoutSlipGuard(frontEnd);
        var far = Enumerable.Repeat((short)1000, AudioFormat.SamplesPerFrame).ToArray();
        var near = Enumerable.Repeat((short)500, AudioFormat.SamplesPerFrame).ToArray();

        var before = guard.Process(far, near, slipFrames: 0);
        var concealed = Enumerable.Repeat((short)250, AudioFormat.SamplesPerFrame).ToArray();
        var inserted = guard.Process(far, concealed, slipFrames: 1);

        Assert.Equal(1, frontEnd.Frames); // both streams of the canceller stay one frame each per caller-timeline frame
        Assert.All(concealed, s => Assert.Equal(0, s));
        Assert.Equal(before.ResidualEchoDbfs, inserted.ResidualEchoDbfs);
        Assert.False(inserted.DoubleTalk);
    }

    [Fact]
    public void After_a_skipped_packet_the_cancellers_residual_is_not_trusted_for_the_echo_tail_then_is_again()
    {
        var frontEnd = new CountingFrontEndDouble();
        var guard = new PlayoutSlipGuard(frontEnd);
        var far = new short[AudioFormat.SamplesPerFrame];
        var near = new short[AudioFormat.SamplesPerFrame];

        var residuals = new List<float> { guard.Process(far, near, slipFrames: -1).ResidualEchoDbfs };
        for (var i = 1; i <= PlayoutSlipGuard.UntrustedFrames; i++)
        {
            residuals.Add(guard.Process(far, near, slipFrames: 0).ResidualEchoDbfs);
        }

        Assert.All(residuals.Take(PlayoutSlipGuard.UntrustedFrames), r => Assert.True(float.IsNaN(r))); // the guard assumes the uncancelled echo
        Assert.Equal(CountingFrontEndDouble.Residual, residuals[^1]);
        Assert.Equal(PlayoutSlipGuard.UntrustedFrames + 1, frontEnd.Frames); // a skip still cleans every frame
    }

    /// <summary>A front-end double: counts the frames it is given and reports a fixed residual.</summary>
    private sealed class CountingFrontEndDouble : IAudioFrontEnd
    {
        public const float Residual = -50f;

        public int Frames { get; private set; }

        public FrontEndFrame Process(ReadOnlySpan<short> farEnd, Span<short> nearEnd)
        {
            Frames++;
            return new FrontEndFrame(true, true, 20f, Residual);
        }

        public void Dispose()
        {
        }
    }
}
