using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Agent;

/// <summary>When the caller's turn is over. All durations are media time (counted in 20 ms frames).</summary>
public sealed class EndpointingOptions
{
    public const int DefaultSilenceMs = 500;
    public const int DefaultMinSpeechMs = 200;
    public const int DefaultMaxWaitMs = 3_000;
    public const int DefaultMaxTurnMs = 30_000;
    public const int DefaultModelCheckSilenceMs = 250;
    public const int DefaultPauseHeardMs = 100;
    public const int DefaultSilenceWithoutWordsMs = 1_300;
    public const int DefaultPausedCallerExtraMs = 300;

    /// <summary>Silence after speech that ends the turn, in ms. Default 500 ms (LiveKit's minimum endpointing delay):
    /// shorter cuts callers off mid-thought, longer makes the agent feel slow.</summary>
    [Range(100, 5_000)]
    public int SilenceMs { get; set; } = DefaultSilenceMs;

    /// <summary>With an end-of-turn model: the silence at which the model is first asked, in ms (the turn ends there
    /// when the words make a complete question or answer; otherwise the model says how much longer to wait). Default
    /// 250 ms, the scorer's wait after a complete question: a person answers about 200 ms after the other stops.
    /// Without a model, or when <see cref="SilenceMs"/> is shorter, <see cref="SilenceMs"/> alone decides.</summary>
    [Range(100, 5_000)]
    public int ModelCheckSilenceMs { get; set; } = DefaultModelCheckSilenceMs;

    /// <summary>Silence after speech that ends the turn when no recogniser hears the call's language (the offline
    /// default outside English), in ms. Default 1.3 s: with no words nothing tells a finished sentence from a caller
    /// thinking mid-sentence, and such pauses run 0.4–1.2 s; being cut off costs the caller more than a slower answer.
    /// Replaces <see cref="SilenceMs"/> for those calls.</summary>
    [Range(100, 5_000)]
    public int SilenceWithoutWordsMs { get; set; } = DefaultSilenceWithoutWordsMs;

    /// <summary>With an end-of-turn model and a recogniser that says how much audio its partials cover: how much of the
    /// pause the partial must have heard before its words are judged, in ms. Default 100 ms, one interim interval of the
    /// offline recogniser: by then its hypothesis holds the last word said before the pause. A partial still behind that
    /// point (a loaded decoder) may be missing the words that show the sentence goes on ("what time do you | open"),
    /// so the turn waits for it, up to <see cref="MaxWaitMs"/>. 0 = covering the speech up to the pause suffices.</summary>
    [Range(0, 1_000)]
    public int PauseHeardMs { get; set; } = DefaultPauseHeardMs;

    /// <summary>With an end-of-turn model: follow the caller's pitch and loudness through the turn and give the model the
    /// contour at each pause (<see cref="PauseContour"/>), for pauses whose words cannot tell (no recogniser for the
    /// language, or words it missed). Default true; costs about 20 k multiply-adds per 20 ms frame of the caller's turn.</summary>
    public bool UsePauseContour { get; set; } = true;

    /// <summary>With an end-of-turn model: once the caller has spoken on after a thinking pause (at least
    /// <see cref="Endpointer.ThinkingPauseMs"/>, at which the model had asked to wait), every later wait the model asks
    /// for in the call is this much longer, in ms. Default 300 ms: callers who stop to think do it again, and for them a
    /// cut-off is likelier than for others; a complete question still ends at the model's short wait. 0 turns it off.</summary>
    [Range(0, 3_000)]
    public int PausedCallerExtraMs { get; set; } = DefaultPausedCallerExtraMs;

    /// <summary>Speech shorter than this (a click, a cough) does not start a turn, in ms. Default 200 ms.</summary>
    [Range(20, 2_000)]
    public int MinSpeechMs { get; set; } = DefaultMinSpeechMs;

    /// <summary>The longest silence the agent will wait, even when an end-of-turn model asks for more, in ms. Default 3 s.</summary>
    [Range(100, 10_000)]
    public int MaxWaitMs { get; set; } = DefaultMaxWaitMs;

    /// <summary>A turn is cut here even if the caller keeps talking, in ms. Default 30 s: keeps STT requests bounded.</summary>
    [Range(1_000, 120_000)]
    public int MaxTurnMs { get; set; } = DefaultMaxTurnMs;
}
