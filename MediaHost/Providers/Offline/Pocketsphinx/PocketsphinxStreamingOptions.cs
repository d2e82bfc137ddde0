using System.ComponentModel.DataAnnotations;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>The long-lived offline recogniser: pooled libpocketsphinx decoders biased to the active dialog.</summary>
public sealed class PocketsphinxStreamingOptions
{
    public const string DefaultModelDirectory = "/usr/share/pocketsphinx/model/en-us/en-us";
    public const string DefaultDictionary = "/usr/share/pocketsphinx/model/en-us/cmudict-en-us.dict";
    public const int DefaultMaxDecoders = 16;
    public const int DefaultPoolWaitMs = 4_000;
    public const int DefaultWarmDecoders = 1;
    public const int DefaultInterimIntervalMs = 100;
    public const int DefaultMaxBufferedMs = 5_000;
    public const double DefaultOutOfScriptWeight = 0.1;

    /// <summary>The acoustic model folder (-hmm). Default the Debian pocketsphinx-en-us model, a 16 kHz US English model.</summary>
    [Required]
    public string ModelDirectory { get; set; } = DefaultModelDirectory;

    /// <summary>The pronunciation dictionary (-dict). Default the Debian CMU dictionary.</summary>
    [Required]
    public string Dictionary { get; set; } = DefaultDictionary;

    /// <summary>
    /// Decoders kept loaded: the number of callers who can be recognised at the same moment (a decoder is busy only
    /// while its caller speaks; they are loaded on first need). Default 16: a decoder keeps up with its caller at
    /// about 5 % of a core, so 16 callers speaking at once fit the 2-core target; streams beyond it wait
    /// <see cref="PoolWaitMs"/> with their audio queued and decode it faster than real time once a decoder is free
    /// (4 decoders, the first default, answered 12 of 16 simultaneous callers with the fallback phrase:
    /// bench/results/conversation-load.md).
    /// </summary>
    [Range(1, 256)]
    public int MaxDecoders { get; set; } = DefaultMaxDecoders;

    /// <summary>
    /// Decoders loaded at start (at most <see cref="MaxDecoders"/>; the rest load on first need, on their own thread,
    /// one spare ahead). Default 1 (as before): the first caller finds a decoder ready and its rent loads the spare for
    /// the next. A decoder load is a second or more of CPU and ~28 MiB; a host that expects N callers speaking at once
    /// from its first minute sets N (bench/conversation-load.sh sets its largest step).
    /// </summary>
    [Range(0, 256)]
    public int WarmDecoders { get; set; } = DefaultWarmDecoders;

    /// <summary>How long a new stream waits for a free decoder before failing with a clear error, in ms. Default 4 s:
    /// the session queues up to 5 s of the caller's audio meanwhile (UtteranceRecognition.QueueFrames), so a stream
    /// that waits loses no words; a decoder frees up when another caller's turn ends, usually within a turn.</summary>
    [Range(0, 10_000)]
    public int PoolWaitMs { get; set; } = DefaultPoolWaitMs;

    /// <summary>How often the best hypothesis is read and published as an interim, in ms of audio. Default 100 ms:
    /// the end-of-turn scorer needs fresh text at a pause, and reading the hypothesis costs a search backtrace.</summary>
    /// <summary>Threads that run every decoder's work (0: one per core). Decoding never runs on the thread pool or a
    /// media thread: a burst of callers speaking at once queues here instead of taking the cores the media clock,
    /// SIP and the agents' listeners need. Default 0.</summary>
    [Range(0, 64)]
    public int DecodingThreads { get; set; }

    /// <summary>The decoding threads' nice value on Linux (0 normal; higher yields more): below the media threads
    /// (−10 where allowed) and the thread pool, so recognition is what waits when the cores are short. Default 4.</summary>
    [Range(0, 19)]
    public int DecodingThreadNice { get; set; } = 4;

    [Range(20, 2_000)]
    public int InterimIntervalMs { get; set; } = DefaultInterimIntervalMs;

    /// <summary>Audio queued ahead of a decoder that fell behind, in ms. Default 5 s; beyond it writes wait.</summary>
    [Range(100, 60_000)]
    public int MaxBufferedMs { get; set; } = DefaultMaxBufferedMs;

    /// <summary>
    /// The decoder's word insertion penalty (-wip). Default 1e-3: lower than pocketsphinx's 0.65 because the dialog
    /// grammar's garbage loop otherwise fills phone-band audio with short words; the grammar-then-model figures were
    /// measured with it (the model alone measured 73.3 % with 0.65 vs 71.7 % with 1e-3 on the regression subset).
    /// </summary>
    [Range(1e-20, 1.0)]
    public double WordInsertionPenalty { get; set; } = 1e-3;

    /// <summary>
    /// Whether the grammar has the out-of-script path (a loop of everyday words beside the intent phrases). Default false:
    /// measured on the phrasing set over PCMU and G.722 (bench/results/recognition.md), the loop took phone-band speech
    /// away from the intents (46 % intent accuracy with it, 71 % without) and the decoder's grammar weights did not
    /// hold it back, while without it out-of-script speech mostly finds no complete path and yields no intent anyway
    /// (85 % rejected). Kept as an option for scripts whose callers stray more.
    /// </summary>
    public bool OutOfScriptPath { get; set; }

    /// <summary>
    /// The grammar's weight of the out-of-script path (a loop of everyday words) against the intent phrases' 1.
    /// Default 0.1: measured on the phrasing set (bench/results/recognition.md), it keeps out-of-script speech out of
    /// the intents while phone-band audio of an intent phrase still lands on the phrase.
    /// </summary>
    [Range(1e-6, 1.0)]
    public double OutOfScriptWeight { get; set; } = DefaultOutOfScriptWeight;

    /// <summary>What the decoder searches with (the dialog grammar, the dialog language model, or one then the other).
    /// Default <see cref="PocketsphinxSearchMode.GrammarThenLanguageModel"/>. Measured on the phrasing set over PCMU and
    /// G.722 (bench/results/recognition.md, session 7, both searches decoding every utterance): intent accuracy 67.2 %
    /// grammar-then-model, 62.7 % model alone, 67.9 % model-then-grammar; out-of-script speech left without an intent
    /// 61.0 %, 83.7 % and 74.7 %. Model-then-grammar is not the default because it loses a menu key said alone: the
    /// model's final for "Two." over PCMU is empty and the grammar's re-decode of the kept audio finds no path either
    /// (PocketsphinxStreamingTests.Menu_keys_said_aloud_over_PCMU_choose_their_intents), while the grammar searching
    /// live hears it.</summary>
    public PocketsphinxSearchMode Search { get; set; } = PocketsphinxSearchMode.GrammarThenLanguageModel;

    /// <summary>With <see cref="PocketsphinxSearchMode.LanguageModelThenGrammar"/>: a model final that names no intent
    /// and has at least this many words is taken as out-of-script speech (no grammar decode, no intent). Default 4,
    /// chosen on half the voices of the phrasing set (3: 65.1 % / 80.0 % rejected; 4: 67.9 % / 74.7 %; 5: 68.9 % /
    /// 68.7 %; never: 70.8 % / 61.0 %; bench/results/recognition.md).</summary>
    [Range(1, 100)]
    public int OutOfScriptWords { get; set; } = 4;

    /// <summary>The dialog language model's unigram share spread evenly over its words and the everyday fillers, 0–0.9.
    /// Default 0.2: measured on the phrasing set (bench/results/recognition.md); more lets out-of-script speech be
    /// heard as fillers, less pulls it into the intents' words.</summary>
    [Range(0.0, 0.9)]
    public double FillerMass { get; set; } = 0.2;

    /// <summary>
    /// Decode every call as phone-band audio mirrored into the model's upper band (<see cref="SpectralFolding"/>).
    /// Default true: most calls are PCMU/PCMA, whose empty 4–8 kHz band otherwise derails the 16 kHz model (measured in
    /// bench/results/recognition.md); wideband calls are folded too only with <see cref="FoldWideband"/>.
    /// </summary>
    public bool FoldNarrowband { get; set; } = true;

    /// <summary>
    /// With <see cref="FoldNarrowband"/>: also band-limit wideband (G.722, Opus) calls to the phone band and fold them,
    /// so every call is decoded alike. Default false: wideband audio reaches the 16 kHz model as it is, normalised from
    /// <see cref="WidebandLineCepstralMean"/>; on the phrasing set G.722 calls were understood 85.2 % that way, 75.0 %
    /// folded (bench/results/recognition.md). The line's band comes from the call's codec (RecognitionRequest.LineRate).
    /// </summary>
    public bool FoldWideband { get; set; }

    /// <summary>
    /// Load the decoders with the <see cref="Dictionary"/> cut to the words their searches can use (the dialog's, the
    /// everyday fillers, the digits and <see cref="CommonEnglishWords"/>), taken from it at start. Default true: a
    /// decoder load otherwise parses all 135k words of the CMU dictionary (load times in bench/results/recognition.md).
    /// </summary>
    public bool CutDictionary { get; set; } = true;

    /// <summary>
    /// Put <see cref="CommonEnglishWords"/> in the dialog language model's vocabulary beside the everyday fillers, so
    /// words outside the dialog are heard as themselves rather than as the nearest dialog word. Default false.
    /// </summary>
    public bool CommonWordsInLanguageModel { get; set; }

    /// <summary>
    /// Decode the final again from the whole utterance's audio as one block, normalised with that utterance's own
    /// cepstral mean, instead of taking the streaming decode's (whose mean is carried over from the decoder's earlier
    /// utterances: on a pooled decoder, other callers' voices and codecs). Interims are unchanged. Costs a second
    /// decode of the utterance after its end (measured in bench/results/recognition.md).
    /// </summary>
    public bool WholeUtteranceFinal { get; set; }

    /// <summary>
    /// The front-end's spectral noise removal (-remove_noise). Its noise estimate is carried from one utterance to the
    /// next on a decoder, so on a pooled decoder one caller's line noise shapes the next caller's features (with it on,
    /// the same utterance was heard differently after another caller: PocketsphinxStreamingTests). Default true (the
    /// library's default); measured both ways in bench/results/recognition.md.
    /// </summary>
    public bool RemoveNoise { get; set; } = true;

    /// <summary>
    /// The cepstral mean a new caller's first utterance is normalised with: 13 values, or empty (the default) for
    /// <see cref="PhoneLineCepstralMean"/>; the model's own (feat.params -cmninit) measured much worse on phone lines.
    /// Within an utterance the library subtracts the mean it started with, and each caller's later utterances start
    /// from what their earlier ones left (<see cref="SpeakerCepstralMean"/>), so this decides the first utterance of
    /// every call — the opening question. The model's mean is of wideband speech; the default is the mean of
    /// phone-line speech as the decoder hears it (espeak-ng voices over PCMU and G.722, folded: the regression subset,
    /// measured by <c>bench/Benchmarks recognition-cmn-prior</c>; bench/results/recognition.md). Measured on that
    /// subset: 79.2 % understood with it, 64.2 % with the model's.
    /// </summary>
    public float[] InitialCepstralMean { get; set; } = [];

    /// <summary>
    /// As <see cref="InitialCepstralMean"/>, for wideband calls decoded as they are (G.722, Opus with
    /// <see cref="FoldWideband"/> off): empty (the default) for <see cref="WidebandLineCepstralMean"/>.
    /// </summary>
    public float[] WidebandInitialCepstralMean { get; set; } = [];

    /// <summary>The initial mean used when <see cref="WidebandInitialCepstralMean"/> is empty: G.722 speech, unfolded, measured like <see cref="PhoneLineCepstralMean"/>.</summary>
    public static IReadOnlyList<float> WidebandLineCepstralMean { get; } = [44.02f, -2.44f, -7.56f, 13.03f, -16.56f, 1.44f, -1.86f, -8.88f, -4.54f, -5.32f, 3.91f, -1.62f, -4.31f];

    /// <summary>The initial mean used when <see cref="InitialCepstralMean"/> is empty: phone-line speech, folded, as measured (see there).</summary>
    public static IReadOnlyList<float> PhoneLineCepstralMean { get; } = [55.99f, -8.50f, 7.88f, -2.77f, 2.57f, -15.43f, 5.16f, -10.21f, -14.26f, 8.29f, -8.37f, 3.91f, -4.90f];

    /// <summary>Extra decoder arguments ("-name value" pairs), for tuning. Default none.</summary>
    public string[] ExtraArguments { get; set; } = [];
}
