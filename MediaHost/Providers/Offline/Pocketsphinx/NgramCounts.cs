namespace VoiceFunctions.MediaHost.Providers.Offline;

/// <summary>Unigram, bigram and trigram counts of sentences (each led by &lt;s&gt; and closed by &lt;/s&gt;); n-gram keys are words joined by one space.</summary>
internal sealed class NgramCounts
{
    public NgramCounts(IEnumerable<string[]> sentences)
    {
        foreach (var sentence in sentences)
        {
            for (var i = 0; i < sentence.Length; i++)
            {
                if (i > 0)
                {
                    Add(Unigrams, sentence[i]);
                    Add(Bigrams, sentence[i - 1] + " " + sentence[i]);
                    Add(Histories, sentence[i - 1]);
                }
                if (i > 1)
                {
                    Add(Trigrams, sentence[i - 2] + " " + sentence[i - 1] + " " + sentence[i]);
                    Add(Histories, sentence[i - 2] + " " + sentence[i - 1]);
                }
            }
        }
    }

    /// <summary>Words predicted (every word but the leading &lt;s&gt;), with their counts.</summary>
    public Dictionary<string, int> Unigrams { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Bigrams { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> Trigrams { get; } = new(StringComparer.Ordinal);

    /// <summary>How often each one- or two-word history was followed by a word.</summary>
    public Dictionary<string, int> Histories { get; } = new(StringComparer.Ordinal);

    /// <summary>The words of the sentences (without the &lt;s&gt; and &lt;/s&gt; marks).</summary>
    public IEnumerable<string> Words => Unigrams.Keys.Where(w => w != "</s>");

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;
}
