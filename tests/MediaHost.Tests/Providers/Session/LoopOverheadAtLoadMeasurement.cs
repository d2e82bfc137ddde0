using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// Not a test: the load run behind bench/providers-load.sh (opt-in, VOICEFUNCTIONS_PROVIDERS_LOAD=&lt;calls&gt;,
/// VOICEFUNCTIONS_PROVIDERS_LOAD_QUESTIONS=&lt;per call&gt;, default 4). That many concurrent Russian calls over real
/// SIP/RTP (<see cref="CallerCrowd"/>: PCMU, espeak-ng ru question, turns spread over one question period) to the
/// MediaHost's agent wired by AddMediaHost from settings only, whose chains point at the vendor fakes (Yandex STT,
/// OpenAI-compatible chat, Yandex TTS) answering at fixed delays: STT final 100 ms after the audio ends, LLM first
/// token 200 ms, TTS first audio 100 ms. Each call's first answer (cold clients) is left out. Prints markdown rows:
/// our overhead (endpoint → first frame minus the fakes' 400 ms), and voice-to-voice on the wire at the callers.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class LoopOverheadAtLoadMeasurement(ITestOutputHelper output)
{
    private const double FakesMs = 100 + 200 + 100;
    private const double TargetP99Ms = 30;

    [SkippableFact]
    public async Task Fake_vendors_concurrent_calls_loop_overhead_run()
    {
        Skip.IfNot(int.TryParse(Environment.GetEnvironmentVariable("VOICEFUNCTIONS_PROVIDERS_LOAD"), out var calls) && calls > 0,
            "a load run, not a test: bench/providers-load.sh sets VOICEFUNCTIONS_PROVIDERS_LOAD=<calls>");
        var questions = int.TryParse(Environment.GetEnvironmentVariable("VOICEFUNCTIONS_PROVIDERS_LOAD_QUESTIONS"), out var q) ? q : 4;
        await using var fake = await VendorFakeServer.StartAsync();
        fake.Script.SttFinalDelay = TimeSpan.FromMilliseconds(100);
        fake.Script.LlmFirstTokenDelay = TimeSpan.FromMilliseconds(200);
        fake.Script.TtsFirstAudioDelay = TimeSpan.FromMilliseconds(100);
        var basePort = 30000 + 2 * Random.Shared.Next(0, 2000);
        var settings = FakeVendorSettings.Russian(
            stt: [("yandex", "yandex-stt", fake)], llm: [("openai-compatible", "llm-fake", fake)], tts: [("yandex", "yandex-tts", fake)]);
        settings["AiLoop:Capacity:MaxCalls"] = calls.ToString(); // hosted providers: the admission limit is raised (default 32, sized for the offline agent)
        await using var agent = FakeVendorAgent.Start(settings,
            new RtpOptions { PortMin = basePort, PortMax = basePort + 4 * calls + 20 }, relay: false);
        var question = await RussianCaller.QuestionAsync();
        var plan = new CallerCrowd.Plan(question, questions, PauseSeconds: 4.5, SpreadSeconds: question.Length / 8000.0 + 4.5);
        await using var crowd = new CallerCrowd(agent.Host.SipEndpoint);
        var load = File.ReadAllText("/proc/loadavg").Split(' ')[0];

        var answered = await crowd.PlaceAsync(calls, plan);
        await crowd.StreamAsync(plan);
        await Task.Delay(TimeSpan.FromSeconds(1));
        crowd.HangUp();

        var records = agent.Turns.Where(t => t.Trigger == "speech").GroupBy(t => t.CallId).SelectMany(g => g.Skip(1))
            .Where(r => r.EndpointToFirstFrame is not null && r.SttLatency is not null && r.LlmTimeToFirstToken is not null && r.TtsTimeToFirstAudio is not null).ToList();
        var all = agent.Turns.Where(t => t.Trigger == "speech").ToList();
        var wire = crowd.Calls.SelectMany(c => c.VoiceToVoice(questions).Skip(1)).ToList();
        var statuses = string.Join(", ", crowd.Calls.GroupBy(c => c.Status).Select(g => $"{g.Key}: {g.Count()}"));
        output.WriteLine($"calls: {calls} placed, {answered} answered (final statuses {statuses}); questions per call {questions}; speech turns recorded {all.Count}, "
            + $"with an error {all.Count(r => r.Error is not null)} ({string.Join("; ", all.Where(r => r.Error is not null).Select(r => r.Error).Distinct().Take(3))}); "
            + $"measured (first per call left out, complete figures): {records.Count}; answers on the wire: {wire.Count(w => w is not null)} of {wire.Count}; "
            + $"load average {load} before, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} after");
        var overhead = records.Select(r => r.EndpointToFirstFrame!.Value.TotalMilliseconds - FakesMs).Order().ToArray();
        var p99 = Percentile(overhead, 0.99);
        output.WriteLine($"summary: {calls} calls: {answered} admitted of {calls}; speech turns {all.Count}, failed {all.Count(r => r.Error is not null)}, "
            + $"measured {records.Count}; our overhead p50 {Percentile(overhead, 0.5):F0} / p95 {Percentile(overhead, 0.95):F0} / p99 {p99:F0} ms "
            + $"against the target ≤ {TargetP99Ms} ms p99 at 100 calls: {(calls < 100 ? "not the target's load" : p99 <= TargetP99Ms ? "met" : "missed")}; "
            + $"load average {load} before, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} after");
        Row(calls, "our overhead: endpoint → first frame minus the fakes' 400 ms", overhead);
        Row(calls, "session: endpoint → first frame handed to the call", records.Select(r => r.EndpointToFirstFrame!.Value.TotalMilliseconds));
        Row(calls, "endpointing wait: end of speech → endpoint (the end-of-turn rule)", records.Select(r => (r.VoiceToVoice!.Value - r.EndpointToFirstFrame!.Value).TotalMilliseconds));
        Row(calls, "voice-to-voice on the wire (caller's last voiced packet → agent's first)", wire.Where(w => w is not null).Select(w => w!.Value.TotalMilliseconds));
        Row(calls, "wire voice-to-voice minus the fakes' 400 ms and the 500 ms endpointing rule", wire.Where(w => w is not null).Select(w => w!.Value.TotalMilliseconds - FakesMs - 500));
        Row(calls, "STT: end of speech → final (fake: 100 ms after the audio ends)", records.Select(r => r.SttLatency!.Value.TotalMilliseconds));
        Row(calls, "LLM: request → first token (fake: 200 ms)", records.Select(r => r.LlmTimeToFirstToken!.Value.TotalMilliseconds));
        Row(calls, "TTS: first sentence → first frame (fake: 100 ms)", records.Select(r => r.TtsTimeToFirstAudio!.Value.TotalMilliseconds));
    }

    private void Row(int calls, string figure, IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        output.WriteLine($"| {calls} | {figure} | {sorted.Length} | {Percentile(sorted, 0.5):F0} | {Percentile(sorted, 0.95):F0} | {Percentile(sorted, 0.99):F0} | "
            + $"{(sorted.Length > 0 ? sorted[^1] : double.NaN):F0} |");
    }

    private static double Percentile(double[] sorted, double q) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
