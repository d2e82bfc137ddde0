using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.MediaHost.Providers;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>A default ru-RU install has no recogniser for Russian: the offline agent says its choices as a keypad menu
/// and the built-in dialog answers the keys.</summary>
public sealed class AgentKeypadMenuTests
{
    private const string RussianMenu = "Здравствуйте! Часы работы — нажмите 1. Цены — 2. Соединить с оператором — 0. Завершить звонок — 9.";

    [Fact]
    public async Task The_russian_offline_agent_greets_with_the_keypad_menu_and_key_1_answers_the_opening_hours()
    {
        var script = DialogScriptLoader.LoadDefault();
        var call = new TestCallSession(maxFrames: 500);
        var options = new AiLoopOptions { Language = "ru-RU" };
        var h = new AgentHarness(call, new FakeSpeechToText(), new ScriptedLanguageModel(script), new FakeTextToSpeech(), options);
        var session = new AgentSession(call, options, h.Dependencies with { KeypadMenu = script.Menu["ru"] });
        call.OnFrame = i =>
        {
            if (i == 200)
            {
                call.PressDigit('1');
            }
            if (i == 210)
            {
                call.PressDigit('#');
            }
        };

        await session.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(RussianMenu, h.Turn("greeting").AgentText);
        Assert.Equal("Мы работаем каждый день с девяти до двадцати одного часа.", h.Turn("dtmf").AgentText);
    }

    [Fact]
    public async Task A_russian_caller_who_says_the_key_instead_of_pressing_it_gets_that_keys_answer()
    {
        var script = DialogScriptLoader.LoadDefault();
        var call = new TestCallSession(maxFrames: 50 * 60) { FramePace = TimeSpan.FromMilliseconds(10) };
        var options = new AiLoopOptions { Language = "ru-RU", ProviderTimeoutSeconds = 60 };
        // A Russian recogniser (a cloud one; none is installed here) hears the caller say "один": a fake stands in for it.
        var h = new AgentHarness(call, new FakeSpeechToText("Один."), new ScriptedLanguageModel(script), new FakeTextToSpeech(), options);
        var session = new AgentSession(call, options, h.Dependencies with { KeypadMenu = script.Menu["ru"] });
        var askAt = -1;
        var doneAt = -1;
        call.OnFrame = i =>
        {
            if (askAt < 0 && h.Turns.Count >= 1)
            {
                askAt = i + 20;
            }
            if (i == askAt)
            {
                call.Say(SyntheticAudio.Voice(-20, 800));
            }
            if (doneAt < 0 && h.Turns.Count >= 2)
            {
                doneAt = i + 20;
            }
            if (i == doneAt)
            {
                call.HangUpByCaller();
            }
        };

        await session.RunAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal("Мы работаем каждый день с девяти до двадцати одного часа.", h.Turn("speech").AgentText);
    }

    [Fact]
    public void A_key_no_intent_has_gets_the_no_match_reply_which_names_the_keys()
    {
        var model = new ScriptedLanguageModel(DialogScriptLoader.LoadDefault());

        Assert.Equal("prices", model.Match("DTMF 2", "ru")?.Name);
        Assert.Null(model.Match("DTMF 7", "ru"));
        Assert.Contains("нажмите 1", DialogScriptLoader.LoadDefault().NoMatchReply["ru"], StringComparison.Ordinal);
    }

    private static AgentDependencies Dependencies(string language)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["AiLoop:Language"] = language }).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddMediaHost(configuration);
        return services.BuildServiceProvider().GetRequiredService<AgentDependencies>();
    }

    [Fact]
    public void A_default_russian_install_gets_the_keypad_menu_and_an_english_one_does_not()
    {
        Assert.Equal(RussianMenu, Dependencies("ru-RU").KeypadMenu);
        Assert.Null(Dependencies("en-US").KeypadMenu);
    }

    [Theory]
    [InlineData("key: \"12\"", "key '12' must be one telephone key: 0-9, * or #")]
    [InlineData("key: \"x\"", "key 'x' must be one telephone key: 0-9, * or #")]
    public void A_script_key_that_is_not_one_telephone_key_is_refused_with_its_line(string keyLine, string message)
    {
        var yaml = $"no_match: {{ en: \"?\" }}\nintents:\n  - name: hours\n    keywords: {{ en: [open] }}\n    reply: {{ en: \"Open.\" }}\n    {keyLine}\n";

        var error = Assert.Throws<FormatException>(() => DialogScriptLoader.Load(yaml, "s.yaml"));

        Assert.Equal($"s.yaml:6: {message}", error.Message);
    }

    [Fact]
    public void Two_intents_on_one_key_are_refused()
    {
        const string yaml = "no_match: { en: \"?\" }\nintents:\n  - { name: a, keywords: { en: [a] }, reply: { en: A }, key: \"1\" }\n  - { name: b, keywords: { en: [b] }, reply: { en: B }, key: \"1\" }\n";

        var error = Assert.Throws<FormatException>(() => DialogScriptLoader.Load(yaml, "s.yaml"));

        Assert.Contains("key '1' chooses both 'a' and 'b'", error.Message, StringComparison.Ordinal);
    }
}
