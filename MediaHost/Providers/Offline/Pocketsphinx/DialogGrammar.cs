using System.Globalization;
using System.Text;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// Builds the decoder's JSGF grammar from the active dialog: each intent's phrases and keywords, optionally led and
/// followed by a few everyday words, or else a loop of general words. The loop is the garbage path: speech that
/// belongs to no intent is recognised as ordinary words (which match no intent) instead of being forced into the
/// nearest intent phrase. Words the pronunciation dictionary lacks are left out (the grammar would be rejected).
/// </summary>
public static class DialogGrammar
{
    /// <summary>Everyday English words for the garbage path and for the words around an intent phrase.</summary>
    public static readonly IReadOnlyList<string> EnglishFillers =
    [
        "a", "about", "and", "any", "are", "at", "be", "been", "but", "can", "could", "day", "did", "do", "does", "for",
        "from", "get", "go", "good", "have", "hello", "hi", "i", "i'd", "i'm", "if", "in", "is", "it", "just", "know",
        "like", "look", "make", "me", "my", "need", "no", "not", "now", "of", "okay", "on", "one", "or", "other", "our",
        "please", "right", "see", "so", "some", "that", "the", "there", "this", "to", "today", "tomorrow", "two", "um",
        "uh", "want", "was", "we", "well", "what", "when", "where", "which", "who", "why", "will", "with", "would",
        "yes", "you", "your", "weather", "order", "pizza", "car", "name", "number", "send", "email", "account", "help",
        "problem", "card", "delivery", "address", "question", "three", "four", "five", "week", "here", "how", "time",
    ];

    /// <summary>The grammar for <paramref name="language"/> (two-letter code) of <paramref name="script"/>.</summary>
    /// <param name="knows">Whether the decoder's dictionary has a word.</param>
    /// <param name="outOfScriptWeight">The garbage path's weight against the intents' 1: lower makes the decoder prefer an intent phrase.</param>
    public static string Build(DialogScript script, string language, IEnumerable<string> fillers, Func<string, bool> knows, double outOfScriptWeight = 0.1)
    {
        var intents = new List<string>();
        foreach (var intent in script.Intents)
        {
            var phrases = new SortedSet<string>(StringComparer.Ordinal);
            if (intent.Keywords.TryGetValue(language, out var keywords))
            {
                AddKnown(phrases, keywords, knows);
            }
            if (intent.Phrases.TryGetValue(language, out var examples))
            {
                AddKnown(phrases, examples, knows);
            }
            if (phrases.Count > 0)
            {
                intents.Add(string.Join(" | ", phrases));
            }
        }
        // A script with keypad keys also hears them said ("one", "zero"), alone or in a row (a number for a slot).
        var digits = script.Intents.Any(i => i.Key is { } key && char.IsAsciiDigit(key[0]))
            ? SpokenDigits.Words(language).Where(knows).ToList()
            : [];
        var general = fillers.Select(Normalise).Where(w => w.Length > 0 && knows(w)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (intents.Count == 0 && general.Count == 0 && digits.Count == 0)
        {
            throw new ArgumentException($"the dialog has no phrases in '{language}' that the dictionary knows", nameof(script));
        }
        var jsgf = new StringBuilder("#JSGF V1.0;\ngrammar dialog;\n");
        var alternatives = new List<string>();
        if (intents.Count > 0)
        {
            jsgf.Append("<intent> = ").AppendJoin(" | ", intents.Select(i => "(" + i + ")")).Append(";\n");
            alternatives.Add(general.Count > 0 ? "/1/ ([<word>] [<word>] <intent> [<word>])" : "<intent>");
        }
        if (digits.Count > 0)
        {
            jsgf.Append("<digit> = ").AppendJoin(" | ", digits).Append(";\n");
            alternatives.Add(general.Count > 0 ? "/1/ (<digit>+)" : "<digit>+");
        }
        if (general.Count > 0)
        {
            jsgf.Append("<word> = ").AppendJoin(" | ", general).Append(";\n");
            alternatives.Add($"/{outOfScriptWeight.ToString("0.##########", CultureInfo.InvariantCulture)}/ (<word>+)");
        }
        jsgf.Append("public <utterance> = ").AppendJoin(" | ", alternatives).Append(";\n");
        return jsgf.ToString();
    }

    private static void AddKnown(SortedSet<string> into, IEnumerable<string> phrases, Func<string, bool> knows)
    {
        foreach (var phrase in phrases)
        {
            var words = Normalise(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length > 0 && words.All(knows))
            {
                into.Add(string.Join(' ', words));
            }
        }
    }

    private static string Normalise(string phrase) => DialogText.Normalise(phrase);
}
