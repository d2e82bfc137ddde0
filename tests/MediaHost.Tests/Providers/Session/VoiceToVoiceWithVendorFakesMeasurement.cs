using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// Not a test: the load run behind bench/providers-v2v.sh (opt-in, VOICEFUNCTIONS_PROVIDERS_V2V=&lt;turns&gt;). One
/// Russian call over real SIP/RTP through the vendor fakes at fixed delays (STT final 100 ms after the audio ends,
/// LLM first token 200 ms, TTS first audio 100 ms); the caller asks the question that many times. Prints, per turn
/// and as percentiles: voice-to-voice on the wire, the session's own figures, and our overhead (endpoint → first
/// frame minus the fakes' 400 ms).
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class VoiceToVoiceWithVendorFakesMeasurement(ITestOutputHelper output)
{
    private const double FakesMs = 100 + 200 + 100;

    [SkippableFact]
    public async Task Fake_vendors_voice_to_voice_over_rtp_run()
    {
        Skip.IfNot(int.TryParse(Environment.GetEnvironmentVariable("VOICEFUNCTIONS_PROVIDERS_V2V"), out var turns) && turns > 0,
            "a load run, not a test: bench/providers-v2v.sh sets VOICEFUNCTIONS_PROVIDERS_V2V=<turns>");
        RequiredTool.Command("baresip", "scripts/install-test-deps.sh (Debian baresip-core)");
        await using var fake = await VendorFakeServer.StartAsync();
        fake.Script.SttFinalDelay = TimeSpan.FromMilliseconds(100);
        fake.Script.LlmFirstTokenDelay = TimeSpan.FromMilliseconds(200);
        fake.Script.TtsFirstAudioDelay = TimeSpan.FromMilliseconds(100);
        await using var agent = FakeVendorAgent.Start(FakeVendorSettings.Russian(
            stt: [("yandex", "yandex-stt", fake)], llm: [("openai-compatible", "llm-fake", fake)], tts: [("yandex", "yandex-tts", fake)]));
        using var caller = await RussianCaller.StartAsync(turns + 1); // the first answer (cold clients) is left out

        await caller.Peer.DialAsync($"sip:+74950001111@{agent.Host.SipEndpoint}");
        await agent.WaitForSpeechTurnsAsync(turns + 1, TimeSpan.FromSeconds(10 * (turns + 2)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        await caller.Peer.HangUpAsync();

        var records = agent.Turns.Where(t => t.Trigger == "speech").Skip(1).ToList();
        var wire = WireAnswer.ReadAll(agent.Wire.Packets, TimeSpan.FromSeconds(1.5)).Skip(1).ToList();
        output.WriteLine($"turns measured: {records.Count} records, {wire.Count} answers on the wire; errors: {records.Count(r => r.Error is not null)}; load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Row("voice-to-voice on the wire (caller's last voiced packet → agent's first)", wire.Select(w => w.VoiceToVoice.TotalMilliseconds));
        Row("session: end of speech → first frame handed to the call", records.Select(r => r.VoiceToVoice!.Value.TotalMilliseconds));
        Row("session: endpoint → first frame", records.Select(r => r.EndpointToFirstFrame!.Value.TotalMilliseconds));
        Row("our overhead: endpoint → first frame minus the fakes' 400 ms", records.Select(r => r.EndpointToFirstFrame!.Value.TotalMilliseconds - FakesMs));
        Row("endpointing wait: end of speech → endpoint", records.Select(r => (r.VoiceToVoice!.Value - r.EndpointToFirstFrame!.Value).TotalMilliseconds));
        Row("RTP path: wire v2v minus session v2v", wire.Zip(records, (w, r) => w.VoiceToVoice.TotalMilliseconds - r.VoiceToVoice!.Value.TotalMilliseconds));
        Row("STT: end of speech → final (fake: 100 ms after the audio ends)", records.Select(r => r.SttLatency!.Value.TotalMilliseconds));
        Row("LLM: request → first token (fake: 200 ms)", records.Select(r => r.LlmTimeToFirstToken!.Value.TotalMilliseconds));
        Row("TTS: first sentence → first frame (fake: 100 ms)", records.Select(r => r.TtsTimeToFirstAudio!.Value.TotalMilliseconds));
    }

    private void Row(string figure, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        output.WriteLine($"| {figure} | {sorted.Length} | {P(0.5):F0} | {P(0.95):F0} | {P(0.99):F0} | {(sorted.Length > 0 ? sorted[^1] : double.NaN):F0} |");
    }
}
