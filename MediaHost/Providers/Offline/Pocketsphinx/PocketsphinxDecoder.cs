using System.Runtime.InteropServices;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// One long-lived pocketsphinx decoder (acoustic model, dictionary and the dialog's searches loaded once) that
/// decodes one utterance at a time. Not thread-safe: the pool hands it to one stream at a time.
/// </summary>
internal sealed class PocketsphinxDecoder : IDisposable
{
    private const string GrammarSearch = "dialog";
    private const string LanguageModelSearch = "dialog-lm";
    // The audio kept for a second decode with the language model: 30 s at 16 kHz; a longer utterance is not re-decoded.
    private const int MaxKeptSamples = 30 * 16_000;
    // libsphinxbase's live CMN window (CMN_WIN): 5 s of frames.
    private const int InitialMeanFrames = 500;
    private readonly PocketsphinxDecoderHandle _handle;
    private readonly PocketsphinxSearches _searches;
    // The search that decodes while the caller speaks, and the one that may decode the kept audio again (or null).
    private readonly string _first;
    private readonly string? _second;
    // Whether the final comes from decoding the whole utterance again with its own cepstral mean (see Create).
    private readonly bool _wholeUtteranceFinal;
    // The decoder's running cepstral mean: as a new caller starts with it, as this utterance started from, and as it ended.
    private readonly DecoderCepstralMean? _mean;
    private readonly CepstralMeanState? _phoneBandStartMean;
    private readonly CepstralMeanState? _widebandStartMean;
    private readonly CepstralMeanState? _utteranceStartMean;
    private readonly CepstralMeanState? _utteranceEndMean;
    private SpeakerCepstralMean? _speaker;

    private short[] _kept = [];
    private int _keptLength;
    private bool _inUtterance;

    private PocketsphinxDecoder(PocketsphinxDecoderHandle handle, PocketsphinxSearches searches, bool wholeUtteranceFinal, InitialCepstralMeans? initialMeans)
    {
        _handle = handle;
        _searches = searches;
        _wholeUtteranceFinal = wholeUtteranceFinal;
        _mean = DecoderCepstralMean.Attach(handle);
        if (_mean is not null)
        {
            ModelCepstralMean = _mean.Snapshot();
            _phoneBandStartMean = StartingFrom(initialMeans?.PhoneBand);
            _widebandStartMean = StartingFrom(initialMeans?.Wideband);
            _utteranceStartMean = new CepstralMeanState(_mean.Length);
            _utteranceEndMean = new CepstralMeanState(_mean.Length);
        }
        (_first, _second) = searches.Mode switch
        {
            PocketsphinxSearchMode.Grammar => (GrammarSearch, (string?)null),
            PocketsphinxSearchMode.LanguageModel => (LanguageModelSearch, null),
            PocketsphinxSearchMode.GrammarThenLanguageModel => (GrammarSearch, LanguageModelSearch),
            _ => (LanguageModelSearch, GrammarSearch),
        };
    }

    /// <summary>Whether the last final came from the second search's decode of the kept audio.</summary>
    public bool LastFinalFromSecondSearch { get; private set; }

    /// <summary>When true, every utterance is also decoded with the second search (its evidence in <see cref="LastEvidence"/>), whatever the first found.</summary>
    public bool DecodeBoth { get; set; }

    /// <summary>What each search heard in the last utterance, with its path score and the utterance's frames.</summary>
    public PocketsphinxEvidence LastEvidence { get; private set; } = PocketsphinxEvidence.None;

    /// <summary>The best hypothesis read last (interims are published only when it changes).</summary>
    public string LastHypothesis { get; private set; } = "";

    /// <summary>
    /// Loads a decoder with the given arguments ("-hmm DIR -dict FILE ...") and the dialog's searches. With
    /// <paramref name="wholeUtteranceFinal"/> the final is decoded again from the utterance's kept audio as one block,
    /// normalised with that utterance's own cepstral mean; the interims, decoded while the caller speaks, use the
    /// running mean the caller's earlier utterances left (see <see cref="StartUtterance"/>).
    /// </summary>
    public static PocketsphinxDecoder Create(IReadOnlyList<string> arguments, PocketsphinxSearches searches, bool wholeUtteranceFinal = false, InitialCepstralMeans? initialMeans = null)
    {
        string[] argv = [.. arguments];
        var config = PocketsphinxNative.ParseConfig(IntPtr.Zero, PocketsphinxNative.Args(), argv.Length, argv, 1);
        if (config == IntPtr.Zero)
        {
            throw new ProviderException("pocketsphinx", $"rejected its arguments: {string.Join(' ', arguments)}", isTransient: false);
        }
        IntPtr decoder;
        try
        {
            decoder = PocketsphinxNative.Init(config);
        }
        finally
        {
            // ps_init retains the configuration it keeps; ours is released either way.
            PocketsphinxNative.FreeConfig(config);
        }
        if (decoder == IntPtr.Zero)
        {
            throw new ProviderException("pocketsphinx", "could not load its model (check -hmm and -dict; the Debian package is pocketsphinx-en-us)", isTransient: false);
        }
        var handle = PocketsphinxDecoderHandle.FromPointer(decoder);
        PocketsphinxDecoder created;
        try
        {
            created = new PocketsphinxDecoder(handle, searches, wholeUtteranceFinal, initialMeans);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
        try
        {
            if (searches.UsesLanguageModel
                && PocketsphinxNative.SetLanguageModelFile(created._handle, LanguageModelSearch, searches.LanguageModelFile(created.Knows)) != 0)
            {
                throw new ProviderException("pocketsphinx", "rejected the dialog language model", isTransient: false);
            }
            if (searches.UsesGrammar && PocketsphinxNative.SetJsgfString(created._handle, GrammarSearch, searches.Grammar(created.Knows)) != 0)
            {
                throw new ProviderException("pocketsphinx", "rejected the dialog grammar", isTransient: false);
            }
            Check(PocketsphinxNative.SetSearch(created._handle, created._first), "ps_set_search");
        }
        catch
        {
            created.Dispose();
            throw;
        }
        return created;
    }

    /// <summary>The running cepstral mean as the library loaded it from the model (feat.params -cmninit; null without one).</summary>
    public CepstralMeanState? ModelCepstralMean { get; }

    /// <summary>The running cepstral mean a new caller's first utterance starts from (null without one), as a copy.</summary>
    public CepstralMeanState? FreshCepstralMean(bool phoneBand = true)
    {
        var start = phoneBand ? _phoneBandStartMean : _widebandStartMean;
        if (start is null)
        {
            return null;
        }
        var copy = new CepstralMeanState(start.Mean.Length);
        start.CopyTo(copy);
        return copy;
    }

    // The model's own mean for an empty prior; otherwise the prior weighted as the library's own window (as
    // cmn_live_set does), so a caller's first utterance moves the mean part of the way to theirs, not all of it.
    // Measured on the phrasing subset said as calls (bench/results/recognition.md, session 9), the caller as synthesised /
    // 12 dB quieter / 8 dB louder: 76.7 / 75.8 / 74.2 % understood with this weight, 74.2 / 75.0 / 68.3 % with none;
    // every utterance from the prior alone (no carrying over): 79.2 / 65.0 / 72.5 %.
    private CepstralMeanState StartingFrom(float[]? prior)
    {
        var start = ModelCepstralMean!;
        if (prior is not { Length: > 0 })
        {
            return start;
        }
        if (prior.Length != start.Mean.Length)
        {
            throw new ProviderException("pocketsphinx", $"the initial cepstral mean has {prior.Length} values; the model's features have {start.Mean.Length}", isTransient: false);
        }
        var weighted = new CepstralMeanState(prior.Length) { Frames = InitialMeanFrames };
        for (var i = 0; i < prior.Length; i++)
        {
            weighted.Mean[i] = prior[i];
            weighted.Sum[i] = prior[i] * InitialMeanFrames;
        }
        return weighted;
    }

    /// <summary>Whether the pronunciation dictionary has the word (a grammar may only use known words).</summary>
    public bool Knows(string word) => PocketsphinxNative.LookupWord(_handle, word) != IntPtr.Zero;

    /// <summary>
    /// Starts an utterance of <paramref name="speaker"/> (null: a caller the decoder will not meet again). Nothing the
    /// decoder heard before reaches it: the front-end's noise estimate starts again, and the running cepstral mean is
    /// the speaker's own from their last utterance, or for a new caller the initial mean of the audio fed: phone-band
    /// (<paramref name="phoneBand"/>, folded) or wideband.
    /// </summary>
    public void StartUtterance(SpeakerCepstralMean? speaker = null, bool phoneBand = true)
    {
        if (_inUtterance)
        {
            // A stream abandoned mid-utterance: close it so the next one starts clean.
            PocketsphinxNative.EndUtterance(_handle);
        }
        _speaker = speaker;
        if (_mean is not null && (speaker is null || !speaker.TryCopyTo(_utteranceStartMean!)))
        {
            (phoneBand ? _phoneBandStartMean : _widebandStartMean)!.CopyTo(_utteranceStartMean!);
        }
        StartClean();
        Check(PocketsphinxNative.StartUtterance(_handle), "ps_start_utt");
        _inUtterance = true;
        _keptLength = 0;
        LastHypothesis = "";
        LastFinalFromSecondSearch = false;
    }

    public void Process(ReadOnlySpan<short> samples)
    {
        if (_second is not null || _wholeUtteranceFinal)
        {
            Keep(samples);
        }
        Feed(samples, wholeUtterance: false);
    }

    private unsafe void Feed(ReadOnlySpan<short> samples, bool wholeUtterance)
    {
        fixed (short* data = samples)
        {
            if (PocketsphinxNative.ProcessRaw(_handle, data, (nuint)samples.Length, 0, wholeUtterance ? 1 : 0) < 0)
            {
                throw new ProviderException("pocketsphinx", "ps_process_raw failed", isTransient: false);
            }
        }
    }

    /// <summary>Reads the best hypothesis so far; true when it changed since the last read.</summary>
    public bool RefreshHypothesis()
    {
        var text = ReadHypothesis();
        if (text == LastHypothesis)
        {
            return false;
        }
        LastHypothesis = text;
        return true;
    }

    /// <summary>
    /// Ends the utterance and returns its final hypothesis. With <see cref="PocketsphinxSearchMode.GrammarThenLanguageModel"/>
    /// an empty grammar final (no complete path) is replaced by the language model's decode of the same audio; with
    /// <see cref="PocketsphinxSearchMode.LanguageModelThenGrammar"/> a short model final that names no intent is
    /// replaced by the grammar's decode when the grammar found a path.
    /// </summary>
    public string EndUtterance()
    {
        _inUtterance = false;
        Check(PocketsphinxNative.EndUtterance(_handle), "ps_end_utt");
        if (_speaker is not null && _mean is not null)
        {
            _mean.Save(_utteranceEndMean!);
            _speaker.Learn(_utteranceEndMean!);
        }
        var (first, firstScore) = ReadScoredHypothesis();
        var frames = PocketsphinxNative.GetFrameCount(_handle);
        var keptWhole = _keptLength > 0 && _keptLength < MaxKeptSamples;
        if (_wholeUtteranceFinal && keptWhole)
        {
            (first, firstScore) = DecodeKept(_first);
        }
        LastHypothesis = first;
        LastEvidence = new PocketsphinxEvidence(first, firstScore, null, 0, frames);
        var canRedecode = _second is not null && keptWhole;
        if (canRedecode && (DecodeBoth || WantsSecondSearch(first)))
        {
            var (second, secondScore) = DecodeKept(_second!);
            LastEvidence = LastEvidence with { Second = second, SecondScore = secondScore };
            if (WantsSecondSearch(first) && second.Length > 0)
            {
                LastHypothesis = second;
                LastFinalFromSecondSearch = true;
            }
        }
        return LastHypothesis;
    }

    private bool WantsSecondSearch(string first) => _first == GrammarSearch
        ? first.Length == 0
        : !_searches.NamesAnIntent(first) && first.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < _searches.OutOfScriptWords;

    private (string Text, int Score) DecodeKept(string search)
    {
        if (search != _first)
        {
            Check(PocketsphinxNative.SetSearch(_handle, search), "ps_set_search");
        }
        try
        {
            // Decoded again from where the utterance started, not from what its first decode left behind.
            StartClean();
            if (_wholeUtteranceFinal)
            {
                _mean?.NormaliseNextWholeUtteranceWithItsOwnMean();
            }
            Check(PocketsphinxNative.StartUtterance(_handle), "ps_start_utt");
            Feed(_kept.AsSpan(0, _keptLength), _wholeUtteranceFinal);
            Check(PocketsphinxNative.EndUtterance(_handle), "ps_end_utt");
            return ReadScoredHypothesis();
        }
        finally
        {
            if (search != _first)
            {
                Check(PocketsphinxNative.SetSearch(_handle, _first), "ps_set_search");
            }
        }
    }

    /// <summary>A new noise estimate and the utterance's starting cepstral mean.</summary>
    private void StartClean()
    {
        Check(PocketsphinxNative.StartStream(_handle), "ps_start_stream");
        if (_mean is not null)
        {
            _mean.Restore(_utteranceStartMean!);
        }
    }

    // Grows once to the longest utterance heard and is reused after that (no allocation per frame in steady state).
    private void Keep(ReadOnlySpan<short> samples)
    {
        if (_keptLength + samples.Length > MaxKeptSamples)
        {
            _keptLength = MaxKeptSamples;
            return;
        }
        if (_keptLength + samples.Length > _kept.Length)
        {
            Array.Resize(ref _kept, Math.Min(MaxKeptSamples, Math.Max(16_000, 2 * (_keptLength + samples.Length))));
        }
        samples.CopyTo(_kept.AsSpan(_keptLength));
        _keptLength += samples.Length;
    }

    public void Dispose() => _handle.Dispose();

    private (string Text, int Score) ReadScoredHypothesis()
    {
        var text = PocketsphinxNative.GetHypothesis(_handle, out var score);
        return (text == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(text)?.Trim() ?? "", score);
    }

    private string ReadHypothesis()
    {
        var text = PocketsphinxNative.GetHypothesis(_handle, out _);
        return text == IntPtr.Zero ? "" : Marshal.PtrToStringUTF8(text)?.Trim() ?? "";
    }

    private static void Check(int result, string call)
    {
        if (result < 0)
        {
            throw new ProviderException("pocketsphinx", $"{call} failed ({result})", isTransient: false);
        }
    }
}
