namespace VoiceFunctions.MediaHost.Agent.FrontEnd;

/// <summary>
/// Cleans the caller's audio before voice activity detection and recognition: line echo cancellation against the
/// agent's own audio, noise suppression, gain control. One instance per call (it keeps adaptive state); called from
/// the input stage once per 20 ms of media time, so it must not block and must not allocate per frame.
/// </summary>
public interface IAudioFrontEnd : IDisposable
{
    /// <summary>
    /// Processes one 20 ms frame (16 kHz mono, 320 samples). <paramref name="farEnd"/> is the agent frame that played
    /// to the caller in the same 20 ms slot (all zeros while the agent is quiet): the echo canceller's reference.
    /// <paramref name="nearEnd"/> is the caller's frame, cleaned in place.
    /// </summary>
    FrontEndFrame Process(ReadOnlySpan<short> farEnd, Span<short> nearEnd);
}

/// <summary>What the front-end learnt from one frame, for barge-in decisions and the call's metrics.</summary>
/// <param name="FarEndActive">The agent's audio was playing in this slot.</param>
/// <param name="DoubleTalk">The caller spoke over the agent (near-end speech while the far end was active).</param>
/// <param name="EchoReturnLossEnhancementDb">Echo removed in this frame, in dB (0 when the far end was quiet).</param>
/// <param name="ResidualEchoDbfs">The level of the agent's echo the front-end expects to be left in the cleaned frame, in
/// dBFS (−96 when it expects none; NaN when it does not know — then the barge-in guard assumes the line's echo comes
/// back <see cref="UnknownEchoLossDb"/> below the agent's level, uncancelled).</param>
public readonly record struct FrontEndFrame(bool FarEndActive, bool DoubleTalk, float EchoReturnLossEnhancementDb, float ResidualEchoDbfs = float.NaN)
{
    /// <summary>Echo return loss assumed without an echo canceller: line echo comes back at least ~10 dB down.</summary>
    public const double UnknownEchoLossDb = 12;
}

/// <summary>The front-end that changes nothing: for calls where it is switched off, and for tests of later stages.</summary>
public sealed class PassThroughFrontEnd : IAudioFrontEnd
{
    public FrontEndFrame Process(ReadOnlySpan<short> farEnd, Span<short> nearEnd) =>
        new(farEnd.ContainsAnyExcept((short)0), false, 0f);

    public void Dispose()
    {
    }
}
