using System.Globalization;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

/// <summary>A reader of the ARPA text with the standard backoff rule, to check the model as a decoder uses it.</summary>
internal sealed class ArpaModel
{
    private readonly Dictionary<string, (double LogProbability, double LogBackoff)> _ngrams = new(StringComparer.Ordinal);

    public List<string> Vocabulary { get; } = [];

    public static ArpaModel Parse(string text)
    {
        var arpa = new ArpaModel();
        var order = 0;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('\\') && line.EndsWith("-grams:", StringComparison.Ordinal))
            {
                order = line[1] - '0';
                continue;
            }
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (order == 0 || parts.Length < order + 1)
            {
                continue;
            }
            var key = string.Join(' ', parts.Skip(1).Take(order));
            var backoff = parts.Length > order + 1 ? double.Parse(parts[order + 1], CultureInfo.InvariantCulture) : 0;
            arpa._ngrams[key] = (double.Parse(parts[0], CultureInfo.InvariantCulture), backoff);
            if (order == 1)
            {
                arpa.Vocabulary.Add(key);
            }
        }
        return arpa;
    }

    public double Probability(IReadOnlyList<string> history, string word)
    {
        var log = 0.0;
        for (var start = 0; start <= history.Count; start++)
        {
            var context = string.Join(' ', history.Skip(start));
            var key = context.Length == 0 ? word : context + " " + word;
            if (_ngrams.TryGetValue(key, out var seen))
            {
                return Math.Pow(10, log + seen.LogProbability);
            }
            if (context.Length > 0 && _ngrams.TryGetValue(context, out var backoff))
            {
                log += backoff.LogBackoff;
            }
        }
        return 0;
    }

    public double SentenceProbability(string sentence)
    {
        var words = new List<string> { "<s>" };
        var probability = 1.0;
        foreach (var word in sentence.Split(' ').Append("</s>"))
        {
            probability *= Probability(words.TakeLast(2).ToList(), word);
            words.Add(word);
        }
        return probability;
    }
}
