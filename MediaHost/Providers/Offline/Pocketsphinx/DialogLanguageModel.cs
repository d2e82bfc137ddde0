using System.Globalization;
using System.Text;

namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>
/// Builds a small trigram language model (ARPA text) from the active dialog: its intents' phrases and keywords are the
/// training sentences, and a set of everyday words shares <c>fillerMass</c> of the unigram probability so speech around
/// or outside the intents is heard as ordinary words rather than forced into an intent phrase. Unlike the grammar, the
/// model accepts word orders the script never wrote ("opening hours please", "hi when are you open") through backoff.
/// Absolute discounting with backoff (discount <see cref="Discount"/>); words the dictionary lacks are left out.
/// </summary>
public static class DialogLanguageModel
{
    /// <summary>The count discounted from every seen n-gram for its history's backoff mass.</summary>
    public const double Discount = 0.5;

    private const string Start = "<s>";
    private const string End = "</s>";

    /// <summary>The ARPA text of the model for <paramref name="language"/> (two-letter code) of <paramref name="script"/>.</summary>
    /// <param name="knows">Whether the decoder's dictionary has a word.</param>
    /// <param name="fillerMass">The share of unigram probability spread evenly over all words (fillers included), 0–1.</param>
    public static string Build(DialogScript script, string language, IEnumerable<string> fillers, Func<string, bool> knows, double fillerMass = 0.2)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fillerMass);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(fillerMass, 1.0);
        var sentences = Sentences(script, language, knows);
        if (sentences.Count == 0)
        {
            throw new ArgumentException($"the dialog has no phrases in '{language}' that the dictionary knows", nameof(script));
        }
        var counts = new NgramCounts(sentences);
        var vocabulary = new SortedSet<string>(counts.Words, StringComparer.Ordinal) { End };
        foreach (var filler in fillers.Select(DialogText.Normalise).Where(w => w.Length > 0 && !w.Contains(' ') && knows(w)))
        {
            vocabulary.Add(filler);
        }
        var unigram = Unigrams(counts, vocabulary, fillerMass);
        var bigram = Conditional(counts.Bigrams, counts.Histories);
        var trigram = Conditional(counts.Trigrams, counts.Histories);
        return Write(unigram, bigram, trigram);
    }

    private static List<string[]> Sentences(DialogScript script, string language, Func<string, bool> knows)
    {
        var sentences = new List<string[]>();
        foreach (var intent in script.Intents)
        {
            var phrases = (intent.Phrases.TryGetValue(language, out var examples) ? examples : [])
                .Concat(intent.Keywords.TryGetValue(language, out var keywords) ? keywords : []);
            foreach (var phrase in phrases)
            {
                var words = DialogText.Normalise(phrase).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 0 && words.All(knows))
                {
                    sentences.Add([Start, .. words, End]);
                }
            }
        }
        // A script with keypad keys also hears them said ("one", "zero"): each digit is a sentence of its own, and a
        // row of them (a number for a slot) is reached through backoff.
        if (script.Intents.Any(i => i.Key is { } key && char.IsAsciiDigit(key[0])))
        {
            sentences.AddRange(SpokenDigits.Words(language).Where(knows).Select(digit => new[] { Start, digit, End }));
        }
        return sentences;
    }

    private static Dictionary<string, (double Probability, double Backoff)> Unigrams(NgramCounts counts, SortedSet<string> vocabulary, double fillerMass)
    {
        var total = counts.Unigrams.Values.Sum();
        var result = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var word in vocabulary)
        {
            var seen = counts.Unigrams.GetValueOrDefault(word);
            result[word] = ((1 - fillerMass) * seen / total + fillerMass / vocabulary.Count, 0);
        }
        return result;
    }

    // The discounted probabilities of the seen n-grams of an order (their histories' backoff weights are in Write).
    private static Dictionary<string, (double Probability, double Backoff)> Conditional(Dictionary<string, int> ngrams, Dictionary<string, int> histories)
    {
        var result = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
        foreach (var (key, count) in ngrams)
        {
            result[key] = ((count - Discount) / histories[History(key)], 0);
        }
        return result;
    }

    // Every trigram's last two words are a seen bigram (both come from the same sentences).
    private static double BigramProbability(string trigramKey, Dictionary<string, (double Probability, double Backoff)> bigram, Dictionary<string, (double Probability, double Backoff)> unigram)
    {
        var words = trigramKey.Split(' ');
        var key = words[1] + " " + words[2];
        return bigram.TryGetValue(key, out var seen) ? seen.Probability : unigram[words[2]].Probability;
    }

    private static string History(string key) => key[..key.LastIndexOf(' ')];

    private static string Write(
        Dictionary<string, (double Probability, double Backoff)> unigram,
        Dictionary<string, (double Probability, double Backoff)> bigram,
        Dictionary<string, (double Probability, double Backoff)> trigram)
    {
        var unigramBackoff = Backoffs(bigram, key => unigram[key.Split(' ')[1]].Probability);
        var bigramBackoff = Backoffs(trigram, key => BigramProbability(key, bigram, unigram));
        var arpa = new StringBuilder("\\data\\\n");
        arpa.Append(CultureInfo.InvariantCulture, $"ngram 1={unigram.Count + 1}\nngram 2={bigram.Count}\nngram 3={trigram.Count}\n\n\\1-grams:\n");
        // <s> is only ever a history: probability 0 (log10 -99) by ARPA convention.
        arpa.Append(CultureInfo.InvariantCulture, $"-99 {Start} {Log(unigramBackoff.GetValueOrDefault(Start, 1))}\n");
        foreach (var (word, (probability, _)) in unigram.OrderBy(u => u.Key, StringComparer.Ordinal))
        {
            arpa.Append(CultureInfo.InvariantCulture, $"{Log(probability)} {word} {Log(unigramBackoff.GetValueOrDefault(word, 1))}\n");
        }
        arpa.Append("\n\\2-grams:\n");
        foreach (var (key, (probability, _)) in bigram.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            arpa.Append(CultureInfo.InvariantCulture, $"{Log(probability)} {key} {Log(bigramBackoff.GetValueOrDefault(key, 1))}\n");
        }
        arpa.Append("\n\\3-grams:\n");
        foreach (var (key, (probability, _)) in trigram.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            arpa.Append(CultureInfo.InvariantCulture, $"{Log(probability)} {key}\n");
        }
        return arpa.Append("\n\\end\\\n").ToString();
    }

    // alpha(h) = (1 - sum of seen p(w|h)) / (1 - sum of the lower order's p(w|h') over the same w).
    private static Dictionary<string, double> Backoffs(Dictionary<string, (double Probability, double Backoff)> higher, Func<string, double> lower)
    {
        var left = new Dictionary<string, (double Seen, double Lower)>(StringComparer.Ordinal);
        foreach (var (key, (probability, _)) in higher)
        {
            var history = History(key);
            var (seen, lowerSeen) = left.GetValueOrDefault(history);
            left[history] = (seen + probability, lowerSeen + lower(key));
        }
        return left.ToDictionary(l => l.Key, l => (1 - l.Value.Seen) / Math.Max(1e-9, 1 - l.Value.Lower), StringComparer.Ordinal);
    }

    private static string Log(double value) => Math.Log10(Math.Max(value, 1e-99)).ToString("0.######", CultureInfo.InvariantCulture);
}
