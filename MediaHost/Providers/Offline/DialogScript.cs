namespace VoiceFunctions.MediaHost.Providers;

/// <summary>What a scripted intent does after its reply.</summary>
public enum DialogAction { None, EndCall, Transfer }

/// <summary>One intent: words or phrases per language that trigger it, the reply per language, and an action.</summary>
/// <param name="Keywords">Language ("ru", "en") → keywords. A keyword matches a word that starts with it ("работ" matches "работаете"); a keyword with a space matches as a phrase.</param>
public sealed record DialogIntent(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> Keywords, IReadOnlyDictionary<string, string> Reply, DialogAction Action)
{
    /// <summary>
    /// Language → typical things a caller says for this intent ("when do you open"). Optional: the offline
    /// recogniser's grammar is built from them and the keywords, so it listens for the dialog's own phrasing.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Phrases { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The telephone key that chooses this intent ("1"), or null. Keys work in every language, with or without a recogniser.</summary>
    public string? Key { get; init; }
}

/// <summary>A scripted dialog: intents in order of priority, and the reply when nothing matches.</summary>
public sealed record DialogScript(IReadOnlyList<DialogIntent> Intents, IReadOnlyDictionary<string, string> NoMatchReply)
{
    /// <summary>Language → the choices said as a keypad menu ("for opening hours press 1..."): the greeting when no
    /// recogniser can hear the call's language, so the caller chooses by key. Empty when the script has none.</summary>
    public IReadOnlyDictionary<string, string> Menu { get; init; } = new Dictionary<string, string>();

    /// <summary>The intent chosen by the keys <paramref name="keys"/>, or null.</summary>
    public DialogIntent? ByKey(string keys) => Intents.FirstOrDefault(i => i.Key == keys);
}
