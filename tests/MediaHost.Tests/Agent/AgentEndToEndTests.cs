using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Tests.Providers;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>
/// The offline pipeline end to end with real speech: espeak-ng speaks the caller's question into an in-process
/// call at frame pace, pocketsphinx + the scripted dialog + espeak-ng answer, and pocketsphinx decodes what the
/// caller heard.
/// </summary>
public sealed class AgentEndToEndTests
{
    private static DialogScript DefaultScript()
    {
        using var stream = typeof(ScriptedLanguageModel).Assembly.GetManifestResourceStream("VoiceFunctions.MediaHost.default-dialog.yaml")!;
        return DialogScriptLoader.Load(new StreamReader(stream).ReadToEnd(), "default-dialog.yaml");
    }

    /// <summary>Runs a call: the question is said once the greeting has played; the caller hangs up once the answer has played.</summary>
    private static async Task<(AgentHarness Harness, short[] Reply)> CallAsync(ISpeechToText stt, ITextToSpeech tts, short[] question, string language)
    {
        var call = new TestCallSession(maxFrames: 50 * 60) { FramePace = TimeSpan.FromMilliseconds(10) };
        var options = new AiLoopOptions { Language = language, ProviderTimeoutSeconds = 60 };
        var h = new AgentHarness(call, stt, new ScriptedLanguageModel(DefaultScript()), tts, options);
        var replyStart = -1;
        var askAt = -1;
        var doneAt = -1;
        call.OnFrame = i =>
        {
            var turns = h.Turns.Count;
            if (askAt < 0 && turns >= 1)
            {
                askAt = i + 20; // the greeting turn is written; 20 frames later its tail has played
            }
            if (i == askAt)
            {
                replyStart = call.PlayedCount;
                call.Say(question);
            }
            if (doneAt < 0 && turns >= 2)
            {
                doneAt = i + 20;
            }
            if (i == doneAt)
            {
                call.HangUpByCaller();
            }
        };
        await h.RunAsync();
        Assert.True(replyStart >= 0, "the greeting never finished");
        return (h, call.Played.Skip(replyStart).SelectMany(p => p.Samples).ToArray());
    }

    [SkippableFact]
    public async Task English_question_spoken_by_espeak_is_answered_by_voice_with_the_offline_providers()
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        RequiredTool.Command("pocketsphinx_continuous", "scripts/install-test-deps.sh (Debian pocketsphinx, pocketsphinx-en-us)");
        var tts = new EspeakTextToSpeech(new EspeakOptions());
        var stt = new PocketsphinxSpeechToText(new PocketsphinxOptions(), NullLogger<PocketsphinxSpeechToText>.Instance);
        var question = await OfflineProvidersTests.SpeakAsync(tts, "What are your opening hours?", "en-US");

        var (h, reply) = await CallAsync(stt, tts, question, "en-US");

        var turn = h.Turn("speech");
        Assert.Contains("opening", turn.UserText);
        Assert.Equal("We are open every day.", turn.AgentText);
        Assert.InRange(reply.Length / (double)AudioFormat.SampleRate, 1.0, 4.0);
        var heard = await stt.TranscribeAsync(reply, "en-US", null, default).DefaultTimeout();
        Assert.Contains("open", heard);
    }

    [SkippableFact]
    public async Task Russian_dialog_is_answered_with_the_russian_voice()
    {
        RequiredTool.Command("espeak-ng", "scripts/install-test-deps.sh (Debian espeak-ng)");
        var tts = new EspeakTextToSpeech(new EspeakOptions());
        // pocketsphinx has no Russian model: a provider that returns known Russian text stands in for STT.
        var stt = new FakeSpeechToText("Скажите, пожалуйста, до скольки вы работаете?");

        var (h, reply) = await CallAsync(stt, tts, SyntheticAudio.Voice(-20, 1200), "ru-RU");

        Assert.Equal("Здравствуйте! Чем могу помочь?", h.Turn("greeting").AgentText);
        Assert.Equal("Мы работаем каждый день с девяти до двадцати одного часа.", h.Turn("speech").AgentText);
        var seconds = reply.Length / (double)AudioFormat.SampleRate;
        Assert.InRange(seconds, 2.5, 8.0); // a long Russian sentence, really synthesised
        Assert.True(SyntheticAudio.RmsDbfs(reply) > -35);
    }
}
