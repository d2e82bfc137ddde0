using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.MediaHost.Tests.Providers.Session;
using VoiceFunctions.TestSupport;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Agent;

/// <summary>
/// Preemptive generation over a real SIP/RTP call: baresip (PCMU) asks a Russian question (espeak-ng) of the host wired
/// from configuration only, whose STT, LLM and TTS are the vendor fakes (doubles of Yandex SpeechKit's gRPC and the
/// OpenAI-compatible SSE protocols). The STT fake sends an interim 200 ms into the speech and the final 100 ms after
/// the endpoint; the LLM fake takes 400 ms to its first token. The model is asked in the caller's pause, before the
/// endpoint; the turn speaks that answer only when the final words are the interim's.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class PreemptiveGenerationOverSipTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Over_sip_the_answer_begun_in_the_callers_pause_is_spoken_when_the_final_words_match_and_its_head_start_is_recorded()
    {
        var (turn, asked) = await CallAsync(interim: FakeScript.Transcript);

        Assert.Equal("used", turn.Preemptive);
        Assert.True(turn.LlmTimeSavedByPreemption > TimeSpan.Zero, $"saved {turn.LlmTimeSavedByPreemption}");
        // Asked in the pause (again after the comma's pause if the caller went on); the endpoint adopted it, asking nothing more.
        Assert.NotEmpty(asked);
        Assert.All(asked, words => Assert.Equal(FakeScript.Transcript, words));
    }

    [SkippableFact]
    public async Task Over_sip_final_words_other_than_the_interim_discard_the_answer_begun_on_it_and_the_model_is_asked_again()
    {
        var (turn, asked) = await CallAsync(interim: FakeScript.Interim);

        Assert.Equal("changed", turn.Preemptive);
        Assert.Null(turn.LlmTimeSavedByPreemption);
        // Asked on the interim in the pause(s), then once more on the final words at the endpoint; the interim's answer
        // was never spoken (the record's AgentText and the answer's length on the wire are the final words' answer).
        Assert.Equal(FakeScript.Transcript, asked[^1]);
        Assert.NotEmpty(asked[..^1]);
        Assert.All(asked[..^1], words => Assert.Equal(FakeScript.Interim, words));
    }

    /// <summary>One call; returns the answer turn's record and the caller's words of each LLM request, in order.</summary>
    private async Task<(TurnRecord Turn, List<string> Asked)> CallAsync(string interim)
    {
        RequiredTool.Command("baresip", "scripts/install-test-deps.sh (Debian baresip-core)");
        await using var fake = await VendorFakeServer.StartAsync();
        fake.Script.InterimText = interim;
        fake.Script.SttFinalDelay = TimeSpan.FromMilliseconds(100);
        fake.Script.LlmFirstTokenDelay = TimeSpan.FromMilliseconds(400);
        await using var agent = FakeVendorAgent.Start(FakeVendorSettings.Russian(
            stt: [("yandex", "yandex-stt", fake)], llm: [("openai-compatible", "llm-fake", fake)], tts: [("yandex", "yandex-tts", fake)]));
        using var caller = await RussianCaller.StartAsync();

        var (turn, wire) = await RussianDialogOverRtpWithVendorFakesTests.CallAsync(agent, caller, output);

        List<string> asked;
        lock (fake.Script.LastLlmMessages)
        {
            asked = [.. fake.Script.LlmUserMessages];
        }
        output.WriteLine($"preemptive {turn.Preemptive}, LLM time saved {turn.LlmTimeSavedByPreemption?.TotalMilliseconds:F0} ms, "
            + $"LLM first token after the endpoint {turn.LlmTimeToFirstToken?.TotalMilliseconds:F0} ms; LLM asked: {string.Join(" | ", asked)}");
        // Whatever was begun before the endpoint, the caller heard the answer to the final words, once.
        Assert.Equal(FakeScript.Transcript, turn.UserText);
        Assert.Equal(fake.Script.LlmReply, turn.AgentText);
        Assert.InRange(wire.AnswerAudio.TotalSeconds, 0.9, 1.3); // the reply's two sentences of 500 ms each, not more
        return (turn, asked);
    }
}
