namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// The searches every decoder of a pool loads: the dialog grammar and/or the dialog language model, per
/// <see cref="PocketsphinxSearchMode"/>. The language model is written once (to a temporary ARPA file the library
/// reads) with the first decoder's dictionary, and shared by the decoders loaded after it.
/// </summary>
internal sealed class PocketsphinxSearches(
    PocketsphinxSearchMode mode,
    Func<Func<string, bool>, string> grammar,
    Func<Func<string, bool>, string> languageModel,
    Func<string, bool>? namesAnIntent = null,
    int outOfScriptWords = int.MaxValue) : IDisposable
{
    private readonly Lock _gate = new();
    private string? _languageModelFile;

    public PocketsphinxSearchMode Mode => mode;

    public bool UsesGrammar => mode is not PocketsphinxSearchMode.LanguageModel;

    public bool UsesLanguageModel => mode is not PocketsphinxSearchMode.Grammar;

    /// <summary>Whether a final names one of the dialog's intents (the language-model-first decision).</summary>
    public bool NamesAnIntent(string text) => namesAnIntent?.Invoke(text) ?? false;

    /// <summary>A model final without an intent of at least this many words is out-of-script speech (no grammar decode).</summary>
    public int OutOfScriptWords => outOfScriptWords;

    public string Grammar(Func<string, bool> knows) => grammar(knows);

    /// <summary>The ARPA file of the dialog language model, written on first use.</summary>
    public string LanguageModelFile(Func<string, bool> knows)
    {
        lock (_gate)
        {
            if (_languageModelFile is null)
            {
                var path = Path.Combine(Path.GetTempPath(), $"voicefunctions-dialog-{Environment.ProcessId}-{Guid.NewGuid():N}.arpa");
                File.WriteAllText(path, languageModel(knows));
                _languageModelFile = path;
            }
            return _languageModelFile;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_languageModelFile is not null)
            {
                File.Delete(_languageModelFile);
                _languageModelFile = null;
            }
        }
    }
}
