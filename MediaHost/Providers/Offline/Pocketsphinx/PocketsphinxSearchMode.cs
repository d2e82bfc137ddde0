namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>What the offline decoder searches with; both are built from the active dialog at start.</summary>
public enum PocketsphinxSearchMode
{
    /// <summary>The dialog grammar only: an utterance that fits no phrase of it ends with an empty final.</summary>
    Grammar,

    /// <summary>The dialog's small trigram language model only (phrases, keywords and everyday words; DialogLanguageModel).</summary>
    LanguageModel,

    /// <summary>
    /// The grammar while the caller speaks; when its final is empty (the utterance fits no complete grammar path, the
    /// grammar's out-of-grammar signal), the utterance's audio is decoded again with the language model and that is
    /// the final. Costs a second decode only for utterances the grammar did not take.
    /// </summary>
    GrammarThenLanguageModel,

    /// <summary>
    /// The language model while the caller speaks (its interims). When its final names an intent, that is the final.
    /// When it names none and is shorter than <see cref="PocketsphinxStreamingOptions.OutOfScriptWords"/> words (too
    /// little heard to call it out-of-script), the utterance's audio is decoded again with the grammar and the grammar's
    /// final is taken when it has one. Speech the model hears as several ordinary words is left out of the intents.
    /// </summary>
    LanguageModelThenGrammar,
}
