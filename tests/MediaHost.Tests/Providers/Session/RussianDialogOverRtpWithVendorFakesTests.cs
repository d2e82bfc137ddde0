using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Tests.Media.Interop;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// A Russian dialog end to end over real SIP/RTP through the vendor fakes (test doubles of the vendors' documented
/// protocols): baresip calls the MediaHost and says a Russian question (espeak-ng); the host, configured for ru-RU
/// by settings only, streams it to the Yandex SpeechKit STT fake (gRPC), asks the OpenAI-compatible chat-completions
/// fake (SSE) and speaks the answer through the Yandex TTS fake (gRPC); the caller's RTP carries the answer. The
/// fakes answer after fixed delays, so the voice-to-voice figure shows our own share.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class RussianDialogOverRtpWithVendorFakesTests(ITestOutputHelper output)
{
    /// <summary>The fakes' own latency (documented in bench/results/providers.md): STT final after the audio ends, LLM first token, TTS first audio.</summary>
    private static readonly (TimeSpan Stt, TimeSpan Llm, TimeSpan Tts) FakeDelays = (TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(100));

    [SkippableFact]
    public async Task Fake_vendors_russian_caller_over_rtp_hears_the_llm_answer_and_the_turn_record_has_the_stt_transcript()
    {
        RequiredTool.Command("baresip", "scripts/install-test-deps.sh (Debian baresip-core)");
        await using var fake = await VendorFakeServer.StartAsync();
        fake.Script.SttFinalDelay = FakeDelays.Stt;
        fake.Script.LlmFirstTokenDelay = FakeDelays.Llm;
        fake.Script.TtsFirstAudioDelay = FakeDelays.Tts;
        fake.Script.SpeakText = true; // the Yandex TTS fake says its text (espeak-ng ru), so we can check what the caller heard
        await using var agent = FakeVendorAgent.Start(FakeVendorSettings.Russian(
            stt: [("yandex", "yandex-stt", fake)], llm: [("openai-compatible", "llm-fake", fake)], tts: [("yandex", "yandex-tts", fake)]));
        using var caller = await RussianCaller.StartAsync();

        var (turn, wire) = await CallAsync(agent, caller, output);

        Assert.Equal(FakeScript.Transcript, turn.UserText); // what the STT fake returned reached the turn record
        Assert.Equal(fake.Script.LlmReply, turn.AgentText);
        Assert.Contains("user: " + FakeScript.Transcript, fake.Script.LastLlmMessages);
        Assert.Null(turn.Error);
        // Which provider served each stage (the apology phrase rendered at the call's start may land in either record).
        Assert.Contains(new ProviderUse("stt", "yandex-stt"), turn.Providers);
        Assert.Contains(new ProviderUse("llm", "llm-fake"), turn.Providers);
        Assert.Contains(new ProviderUse("tts", "yandex-tts"), turn.Providers);
        Assert.All(turn.Providers, u => Assert.True(u.Served, u.ToString()));
        Assert.Equal(57, turn.InputTokens);
        // The caller's RTP carried the answer's speech: as long as the fake's rendering of the sentences it was asked
        // to say, with the same rise and fall (the envelope of voiced 20 ms frames; a tone or another text would not match).
        var sentences = fake.Script.SpokenTexts.Where(t => fake.Script.LlmReply.Contains(t.Trim(), StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(sentences);
        var reference = new List<double>();
        foreach (var sentence in sentences)
        {
            reference.AddRange(SpokenEnvelope.Frames16k(await FakeSpeech.RenderAsync(sentence)));
        }
        var packets = agent.Wire.Packets;
        var questionEnd = packets.Where(p => p.ToHost && p.Dbfs > WireAnswer.VoicedDbfs).Max(p => p.At);
        var heard = packets.Where(p => !p.ToHost && p.At > questionEnd).Select(p => p.Dbfs).ToList();
        var (heardVoiced, referenceVoiced) = (SpokenEnvelope.Voiced(heard).Length, SpokenEnvelope.Voiced(reference).Length);
        var correlation = SpokenEnvelope.WindowedCorrelation(SpokenEnvelope.Trimmed(heard), SpokenEnvelope.Trimmed(reference));
        output.WriteLine($"heard {heardVoiced} voiced frames, the rendering {referenceVoiced}; envelope correlation (median of half-second windows) {correlation:F2}");
        output.WriteLine("heard (dBFS per 20 ms): " + string.Join(" ", SpokenEnvelope.Trimmed(heard).Select(d => d.ToString("F0"))));
        output.WriteLine("rendering (dBFS per 20 ms): " + string.Join(" ", SpokenEnvelope.Trimmed(reference).Select(d => d.ToString("F0"))));
        Assert.InRange(heardVoiced, referenceVoiced * 0.85, referenceVoiced * 1.15);
        Assert.True(correlation > 0.7, $"envelope correlation {correlation:F2}");
    }

    /// <summary>Waits for the answer turn, lets its audio play, hangs up; returns the answer's record and wire figures.</summary>
    internal static async Task<(TurnRecord Turn, WireAnswer Wire)> CallAsync(FakeVendorAgent agent, BaresipAudioPeer caller, ITestOutputHelper output)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await caller.Peer.DialAsync($"sip:+74950001111@{agent.Host.SipEndpoint}");
        await agent.Answered.WaitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"answered {clock.ElapsedMilliseconds} ms after the dial");
        await Task.Delay(TimeSpan.FromSeconds(0.6)); // the answer's last packets reach the wire after the turn is recorded
        await caller.Peer.HangUpAsync();
        var turn = agent.Turn("speech");
        var wire = WireAnswer.Read(agent.Wire.Packets);
        foreach (var t in agent.Turns)
        {
            output.WriteLine($"{t.Trigger}: '{t.UserText}' -> '{t.AgentText}' v2v {Ms(t.VoiceToVoice)} endpoint->first frame {Ms(t.EndpointToFirstFrame)} "
                + $"stt {Ms(t.SttLatency)} llm {Ms(t.LlmTimeToFirstToken)} tts {Ms(t.TtsTimeToFirstAudio)} error {t.Error}; {string.Join(", ", t.Providers)}");
        }
        output.WriteLine(wire?.ToString() ?? "no answer on the wire");
        Assert.True(wire is not null, "the caller's RTP carried no answer after the question");
        return (turn, wire.Value);
    }

    private static string Ms(TimeSpan? t) => t is { } v ? $"{v.TotalMilliseconds:F0} ms" : "-";
}
