using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

public sealed class DialogLanguageModelTests
{
    private static readonly DialogScript Script = DialogScriptLoader.Load("""
        no_match: { en: "Sorry?" }
        intents:
          - name: hours
            keywords: { en: [hours, open] }
            phrases: { en: ["When do you open?", "what are your hours", "are you open today"] }
            reply: { en: "Every day." }
          - name: operator
            keywords: { en: [operator, zyxwv] }
            phrases: { en: ["connect me to an operator"] }
            reply: { en: "Connecting." }
        """, "test.yaml");

    private static bool Knows(string word) => word != "zyxwv";

    [Fact]
    public void Every_history_predicts_a_distribution_over_the_vocabulary_that_sums_to_one()
    {
        var model = ArpaModel.Parse(DialogLanguageModel.Build(Script, "en", ["pizza", "weather"], Knows));

        foreach (var history in new[] { new[] { "<s>" }, ["do"], ["when", "do"], ["<s>", "are"], ["pizza"], ["you", "open"] })
        {
            var total = model.Vocabulary.Where(w => w != "<s>").Sum(w => model.Probability(history, w));
            Assert.InRange(total, 0.999, 1.001);
        }
    }

    [Fact]
    public void The_dialogs_word_orders_are_likelier_than_the_same_words_shuffled_and_other_orders_remain_possible()
    {
        var model = ArpaModel.Parse(DialogLanguageModel.Build(Script, "en", ["please"], Knows));

        var scripted = model.SentenceProbability("when do you open");
        var shuffled = model.SentenceProbability("open you do when");
        var unscripted = model.SentenceProbability("hours please");

        Assert.True(scripted > 1000 * shuffled, $"{scripted} vs {shuffled}");
        Assert.True(unscripted > 0);
    }

    [Fact]
    public void Everyday_fillers_are_in_the_vocabulary_and_words_the_dictionary_lacks_are_not()
    {
        var model = ArpaModel.Parse(DialogLanguageModel.Build(Script, "en", ["pizza", "weather"], Knows));

        Assert.Contains("pizza", model.Vocabulary);
        Assert.Contains("operator", model.Vocabulary);
        Assert.DoesNotContain("zyxwv", model.Vocabulary);
    }

    [Fact]
    public void A_script_with_keypad_keys_also_hears_the_digits_said_and_one_without_keys_does_not()
    {
        var withKeys = DialogScriptLoader.Load("""
            no_match: { en: "Sorry?" }
            intents:
              - name: hours
                key: "1"
                keywords: { en: [hours] }
                reply: { en: "Every day." }
            """, "keys.yaml");

        var keyed = ArpaModel.Parse(DialogLanguageModel.Build(withKeys, "en", [], Knows));
        var unkeyed = ArpaModel.Parse(DialogLanguageModel.Build(Script, "en", [], Knows));

        Assert.Contains("one", keyed.Vocabulary);
        Assert.Contains("zero", keyed.Vocabulary);
        Assert.DoesNotContain("one", unkeyed.Vocabulary);
        Assert.Contains("<digit> = zero | one", DialogGrammar.Build(withKeys, "en", [], Knows), StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_with_no_known_phrases_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => DialogLanguageModel.Build(Script, "de", [], Knows));

        Assert.Contains("'de'", error.Message, StringComparison.Ordinal);
    }
}
