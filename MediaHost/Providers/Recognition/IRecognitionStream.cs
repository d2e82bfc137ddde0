namespace VoiceFunctions.MediaHost.Providers.Recognition;

/// <summary>
/// One utterance being recognised. Frames go in with <see cref="WriteAsync"/> as the caller speaks; results come out
/// of <see cref="Results"/> (interims as the provider revises them, then finals). Disposing cancels recognition and
/// frees the provider's resources (a pooled decoder goes back to its pool, a socket is closed).
/// </summary>
public interface IRecognitionStream : IAsyncDisposable
{
    /// <summary>
    /// Pushes 20 ms of caller audio (mono, the request's sample rate). The caller may reuse <paramref name="frame"/>
    /// once this returns. Never waits on the provider's network or decoder for longer than its bounded buffer
    /// allows; throws <see cref="ProviderException"/> once the stream has failed.
    /// </summary>
    ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken);

    /// <summary>No more audio: the turn has ended. The remaining finals follow, then <see cref="Results"/> ends.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Interim and final results in order; read by one consumer. A final covers a segment of the utterance and is
    /// never revised; the utterance's text is its finals joined with spaces. Ends after the last final once the
    /// stream was completed; throws <see cref="ProviderException"/> (or <see cref="ProviderTimeoutException"/>) when
    /// the provider fails.
    /// </summary>
    IAsyncEnumerable<RecognitionResult> Results(CancellationToken cancellationToken);
}

/// <summary>One recognition result.</summary>
/// <param name="Text">The words (interim: the best hypothesis so far of the current segment).</param>
/// <param name="IsFinal">True when this segment's text will not change again.</param>
/// <param name="Stability">0..1: how unlikely an interim is to change (1 for finals; providers without a figure give 0.5).</param>
/// <param name="Confidence">0..1 where the provider gives one, else null.</param>
public readonly record struct RecognitionResult(string Text, bool IsFinal, float Stability, float? Confidence)
{
    /// <summary>How much of the stream's audio (from its first frame) the provider had decoded when it gave this
    /// result, where it knows; null otherwise. Lets the end-of-turn decision tell a partial that has heard the caller's
    /// pause from one still behind the audio (a partial that lags may lack the words that show the sentence goes on).</summary>
    public TimeSpan? AudioCovered { get; init; }

    public static RecognitionResult Interim(string text, float stability = 0.5f) => new(text, false, stability, null);

    public static RecognitionResult Final(string text, float? confidence = null) => new(text, true, 1f, confidence);
}
