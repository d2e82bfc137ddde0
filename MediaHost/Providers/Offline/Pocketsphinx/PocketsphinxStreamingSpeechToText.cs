using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// The offline recogniser as a long-lived streaming decoder: libpocketsphinx in-process, decoders pooled and reused,
/// audio decoded as it arrives with interim hypotheses, and a grammar built from the active dialog (its phrases and
/// keywords, plus a garbage loop of everyday words so out-of-script speech is not forced into an intent).
/// The only model packaged for Debian is US English; other languages are decoded as English and warned about once.
/// </summary>
public sealed class PocketsphinxStreamingSpeechToText : IStreamingSpeechToText, IDisposable
{
    private readonly PocketsphinxDecoderPool _pool;
    private readonly PocketsphinxSearches _searches;
    private readonly DialogDictionary? _dictionary;
    private readonly string[] _arguments;
    private readonly PocketsphinxStreamingOptions _options;
    private readonly DecodingThreads _threads;
    private readonly int _maxDecoders;
    private readonly ILogger _logger;
    private int _warnedLanguage;
    // Each caller's running cepstral mean, for as long as the call's speaker identity lives.
    private readonly ConditionalWeakTable<RecognitionSpeaker, SpeakerCepstralMean> _speakers = new();

    public PocketsphinxStreamingSpeechToText(PocketsphinxStreamingOptions options, DialogScript script, ILogger<PocketsphinxStreamingSpeechToText> logger)
    {
        _options = options;
        _logger = logger;
        IReadOnlyList<string> languageModelWords = options.CommonWordsInLanguageModel
            ? [.. DialogGrammar.EnglishFillers, .. CommonEnglishWords.Words]
            : DialogGrammar.EnglishFillers;
        _dictionary = options.CutDictionary ? DialogDictionary.Write(options.Dictionary, DictionaryWords(script)) : null;
        string[] arguments =
        [
            "-hmm", options.ModelDirectory,
            "-dict", _dictionary?.Path ?? options.Dictionary,
            "-wip", options.WordInsertionPenalty.ToString("R", CultureInfo.InvariantCulture),
            // Audio fed in pieces is normalised with the running cepstral mean, kept per caller (SpeakerCepstralMean); the
            // whole-utterance final switches its one block to the utterance's own mean (DecoderCepstralMean).
            "-cmn", "live",
            "-remove_noise", options.RemoveNoise ? "yes" : "no",
            .. options.ExtraArguments,
        ];
        PocketsphinxLibrary.SilenceLog();
        _searches = new PocketsphinxSearches(
            options.Search,
            knows => DialogGrammar.Build(script, "en", options.OutOfScriptPath ? DialogGrammar.EnglishFillers : [], knows, options.OutOfScriptWeight),
            knows => DialogLanguageModel.Build(script, "en", languageModelWords, knows, options.FillerMass),
            NamesAnIntent(script),
            options.OutOfScriptWords);
        _threads = new DecodingThreads(options.DecodingThreads, options.DecodingThreadNice);
        _maxDecoders = options.MaxDecoders;
        _pool = new PocketsphinxDecoderPool(options.MaxDecoders, TimeSpan.FromMilliseconds(options.PoolWaitMs),
            () => CreateDecoder());
        _arguments = arguments;
    }

    public string Name => "pocketsphinx";

    /// <summary>A decoder outside the pool, loaded like the pool's (for the bench's evidence runs); the caller disposes it.</summary>
    internal PocketsphinxDecoder CreateDecoder() => PocketsphinxDecoder.Create(_arguments, _searches, _options.WholeUtteranceFinal,
        _options.InitialCepstralMean is { Length: > 0 } initial ? initial : [.. PocketsphinxStreamingOptions.PhoneLineCepstralMean]);

    /// <summary>Words in the decoders' cut dictionary (0 when they load the full one).</summary>
    public int DictionaryWords() => _dictionary?.Words ?? 0;

    private static Func<string, bool> NamesAnIntent(DialogScript script)
    {
        var matcher = new ScriptedLanguageModel(script);
        return text => matcher.Match(text, "en") is not null;
    }

    // The words any search may use: the dialog's own, the everyday fillers, the digits and the common words.
    private static IEnumerable<string> DictionaryWords(DialogScript script) =>
        script.Intents
            .SelectMany(i => (i.Phrases.GetValueOrDefault("en") ?? []).Concat(i.Keywords.GetValueOrDefault("en") ?? []))
            .SelectMany(phrase => DialogText.Normalise(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(DialogGrammar.EnglishFillers)
            .Concat(SpokenDigits.Words("en"))
            .Concat(CommonEnglishWords.Words);

    /// <summary>Decoders loaded so far.</summary>
    public int DecodersLoaded => _pool.Created;

    /// <summary>Decoders in use by a stream right now.</summary>
    public int DecodersBusy => _pool.Busy;

    /// <summary>Why a new call would overload recognition (every decoder busy: one more caller would wait for one), or null.</summary>
    public string? Saturation() => _pool.Busy >= _maxDecoders ? $"all {_maxDecoders} recognition decoders are busy" : null;

    /// <summary>Loads <paramref name="decoders"/> (default <see cref="PocketsphinxStreamingOptions.WarmDecoders"/>) now, so a missing model fails at start and the first callers do not wait for a load.</summary>
    public void Warm(int? decoders = null) => _pool.Warm(decoders ?? _options.WarmDecoders);

    /// <summary>Only the US English model is installed: any other language is decoded as English.</summary>
    public bool Hears(string language) => language.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    public async ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken)
    {
        if (request.SampleRate is not (8_000 or 16_000))
        {
            throw new ProviderException(Name, $"sample rate {request.SampleRate} Hz is not supported (8000 or 16000)", isTransient: false);
        }
        if (!request.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase) && Interlocked.Exchange(ref _warnedLanguage, 1) == 0)
        {
            ProvidersLog.OfflineSttEnglishOnly(_logger, request.Language);
        }
        var decoder = await _pool.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var speaker = request.Speaker is null ? null : MeanOf(request.Speaker);
            return new PocketsphinxRecognitionStream(_pool, decoder, request.SampleRate, speaker, _options, _threads);
        }
        catch
        {
            _pool.Discard(decoder);
            throw;
        }
    }

    /// <summary>What the decoders learnt of <paramref name="speaker"/>'s line so far (for the bench's calibration).</summary>
    internal SpeakerCepstralMean MeanOf(RecognitionSpeaker speaker) => _speakers.GetValue(speaker, _ => new SpeakerCepstralMean());

    /// <summary>Threads decoding for every stream (at most one per core by default).</summary>
    public int DecodingThreadCount => _threads.MaximumConcurrencyLevel;

    /// <summary>Decoding threads running below the normal weight (0 where Linux refused).</summary>
    public int DecodingThreadsLowered => _threads.Lowered;

    public void Dispose()
    {
        _threads.Dispose();
        _pool.Dispose();
        _searches.Dispose();
        _dictionary?.Dispose();
    }
}
