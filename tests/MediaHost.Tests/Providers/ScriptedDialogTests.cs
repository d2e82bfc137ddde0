using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Tests.Providers;

public sealed class ScriptedDialogTests
{
    private static DialogScript Default()
    {
        using var stream = typeof(ScriptedLanguageModel).Assembly.GetManifestResourceStream("VoiceFunctions.MediaHost.default-dialog.yaml")!;
        return DialogScriptLoader.Load(new StreamReader(stream).ReadToEnd(), "default-dialog.yaml");
    }

    private static async Task<(string Text, List<ToolCall> Calls)> Ask(string said, string language)
    {
        var model = new ScriptedLanguageModel(Default());
        var text = "";
        var calls = new List<ToolCall>();
        await foreach (var u in model.StreamAsync(new LanguageModelRequest([new ChatMessage(ChatRole.User, said)], [], language), default))
        {
            text += u.Text;
            if (u.ToolCall is not null)
            {
                calls.Add(u.ToolCall);
            }
        }
        return (text.Trim(), calls);
    }

    [Theory]
    [InlineData("what are your opening our youth", "en-US", "We are open every day.")]
    [InlineData("Скажите, до скольки вы работаете?", "ru-RU", "Мы работаем каждый день с девяти до двадцати одного часа.")]
    [InlineData("Сколько стоит консультация?", "ru-RU", "Консультация стоит тысячу рублей.")]
    public async Task Keywords_pick_the_reply_in_the_calls_language(string said, string language, string reply)
    {
        var (text, calls) = await Ask(said, language);
        Assert.Equal(reply, text);
        Assert.Empty(calls);
    }

    [Fact]
    public async Task Operator_intent_replies_and_calls_transfer_to_human()
    {
        var (text, calls) = await Ask("Соедините меня с оператором", "ru-RU");
        Assert.Equal("Соединяю вас с оператором.", text);
        Assert.Equal(BuiltInTools.TransferToHuman, Assert.Single(calls).Name);
    }

    [Fact]
    public async Task Goodbye_phrase_ends_the_call()
    {
        var (_, calls) = await Ask("Спасибо, до свидания", "ru-RU");
        Assert.Equal(BuiltInTools.EndCall, Assert.Single(calls).Name);
    }

    [Fact]
    public async Task Nothing_matching_gets_the_no_match_reply()
    {
        var (text, calls) = await Ask("purple elephants", "en-US");
        Assert.StartsWith("Sorry", text);
        Assert.Empty(calls);
    }

    [Theory]
    [InlineData("intents: []\n", ":1: 'no_match'")]
    [InlineData("no_match: {en: x}\nintents:\n  - name: a\n    reply: {en: y}\n", ":3: intent 'a' has no keywords")]
    [InlineData("no_match: {en: x}\nintents:\n  - name: a\n    keywords: {en: [b]}\n    reply: {en: y}\n    action: explode\n", ":6: unknown action 'explode'")]
    [InlineData("no_match: {en: x}\nintents:\n  - name: a\n    keywords: {en: []}\n    reply: {en: y}\n", ":4: keywords for 'en' must be a non-empty list")]
    [InlineData("no_match: {en: x}\nintnets: []\n", ":2: unknown key 'intnets'")]
    [InlineData("no_match: {en: x\n", ":2: invalid YAML")]
    public void Bad_scripts_are_rejected_with_the_line_of_the_problem(string yaml, string expected)
    {
        var e = Assert.Throws<FormatException>(() => DialogScriptLoader.Load(yaml, "dialog.yaml"));
        Assert.Contains("dialog.yaml" + expected, e.Message);
    }
}
