using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>
/// The ONNX end-of-turn model slot (section <c>AiLoop:EndOfTurnModel</c>). Off unless <see cref="ModelPath"/> is set;
/// then the model judges each pause from the caller's audio and the interim transcript, asynchronously (off the audio
/// loop), and the built-in transcript scorer answers until the model has. The model must have:
/// <list type="bullet">
/// <item><c>audio</c>: float32 [1, samples] — the last <see cref="AudioSeconds"/> of the caller's turn, 16 kHz mono,
/// samples in [-1, 1];</item>
/// <item><c>text</c>: string [1] — the interim transcript at the pause ("" when there is none);</item>
/// <item>its first output: float32 with one element (shape [1] or [1, 1]) — the probability that the turn is complete.</item>
/// </list>
/// A missing file or a model without these inputs stops the host at start-up with the reason.
/// </summary>
public sealed class OnnxEndOfTurnOptions
{
    public const string SectionName = "EndOfTurnModel";

    /// <summary>The .onnx file; empty (default): no model, the built-in transcript scorer decides alone.</summary>
    public string ModelPath { get; set; } = "";

    /// <summary>From this probability the turn is complete and ends after <see cref="EndOfTurnScorerOptions.CompleteSilenceMs"/>;
    /// below it the caller is taken to be mid-sentence and the endpointer waits <see cref="EndOfTurnScorerOptions.UnfinishedSilenceMs"/>.
    /// Default 0.5.</summary>
    [Range(0.01, 0.99)]
    public double CompleteProbability { get; set; } = 0.5;

    /// <summary>How much of the turn's end the model hears, in seconds. Default 8 s (the window turn models such as
    /// Smart Turn are trained on).</summary>
    [Range(1, 30)]
    public int AudioSeconds { get; set; } = 8;

    /// <summary>Pauses waiting for the model at once, across calls; more are answered by the built-in scorer alone
    /// (the oldest request is dropped). Default 32.</summary>
    [Range(1, 1_000)]
    public int QueueLength { get; set; } = 32;
}
