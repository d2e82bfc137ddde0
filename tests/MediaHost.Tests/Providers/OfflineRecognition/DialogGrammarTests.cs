using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Offline;

namespace VoiceFunctions.MediaHost.Tests.Providers.OfflineRecognition;

public sealed class DialogGrammarTests
{
    private static readonly DialogScript Script = DialogScriptLoader.Load("""
        no_match: { en: "Sorry?" }
        intents:
          - name: hours
            keywords: { en: [hours], ru: [часы] }
            phrases: { en: ["When do you open?", "what are your hours"] }
            reply: { en: "Every day." }
          - name: operator
            keywords: { en: [operator, zyxwv] }
            reply: { en: "Connecting." }
        """, "test.yaml");

    private static bool Knows(string word) => word != "zyxwv";

    [Fact]
    public void The_grammar_listens_for_each_intents_phrases_and_keywords_in_lower_case_without_punctuation()
    {
        var jsgf = DialogGrammar.Build(Script, "en", [], Knows);

        Assert.StartsWith("#JSGF V1.0;", jsgf, StringComparison.Ordinal);
        Assert.Contains("(hours | what are your hours | when do you open)", jsgf, StringComparison.Ordinal);
        Assert.Contains("(operator)", jsgf, StringComparison.Ordinal);
        Assert.Contains("public <utterance> = <intent>;", jsgf, StringComparison.Ordinal);
    }

    [Fact]
    public void Words_the_dictionary_lacks_are_left_out_so_the_decoder_accepts_the_grammar()
    {
        var jsgf = DialogGrammar.Build(Script, "en", [], Knows);

        Assert.DoesNotContain("zyxwv", jsgf, StringComparison.Ordinal);
    }

    [Fact]
    public void With_fillers_out_of_script_speech_has_its_own_weighted_path()
    {
        var jsgf = DialogGrammar.Build(Script, "en", ["weather", "pizza", "zyxwv"], Knows, outOfScriptWeight: 0.05);

        Assert.Contains("<word> = pizza | weather;", jsgf, StringComparison.Ordinal);
        Assert.Contains("/0.05/ (<word>+)", jsgf, StringComparison.Ordinal);
    }

    [Fact]
    public void A_language_with_no_known_phrases_is_refused_with_the_reason()
    {
        var error = Assert.Throws<ArgumentException>(() => DialogGrammar.Build(Script, "de", [], Knows));

        Assert.Contains("'de'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_dialog_has_phrases_for_every_intent_in_English()
    {
        var script = DialogScriptLoader.LoadDefault();

        Assert.All(script.Intents, intent => Assert.True(intent.Phrases.TryGetValue("en", out var phrases) && phrases.Count >= 10, intent.Name));
    }

    [Fact]
    public void Phrases_that_are_not_a_list_are_reported_with_their_line()
    {
        var error = Assert.Throws<FormatException>(() => DialogScriptLoader.Load(
            "no_match: {en: x}\nintents:\n  - name: a\n    keywords: {en: [a]}\n    phrases: {en: []}\n    reply: {en: y}\n", "s.yaml"));

        Assert.Contains("s.yaml:5: phrases for 'en' must be a non-empty list", error.Message, StringComparison.Ordinal);
    }
}
