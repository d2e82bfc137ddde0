using FailoverOptions = VoiceFunctions.MediaHost.Providers.Failover.FailoverOptions;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// Not a test: the run behind bench/providers-failover.sh (opt-in, VOICEFUNCTIONS_PROVIDERS_FAILOVER=&lt;rounds&gt;).
/// Failover time as the caller hears it, many samples per failure kind: each sample is a fresh agent (wired by
/// AddMediaHost from settings only, default first-result deadline) whose one stage has a primary on a failing fake
/// and a secondary on a healthy one, and one call over real SIP/RTP (<see cref="CallerCrowd"/>). The primary turns
/// bad as the caller starts the question (so the greeting was its own); per round, three samples run at once, one
/// per stage (STT yandex → deepgram, LLM → another LLM, TTS yandex → azure-speech). Figure: end of the caller's
/// speech → the answer's first voiced packet on the caller's wire; also whether the apology was played.
/// </summary>
[Collection(MeasurementCollection.Name)]
public sealed class FailoverTimeMeasurement(ITestOutputHelper output)
{
    private static readonly (string Stage, string Primary, string PrimaryKind, string Secondary, string SecondaryKind)[] Stages =
    [
        ("Stt", "yandex-stt", "yandex", "deepgram-stt", "deepgram"),
        ("Llm", "llm-primary", "openai-compatible", "llm-secondary", "openai-compatible"),
        ("Tts", "yandex-tts", "yandex", "azure-tts", "azure-speech"),
    ];

    [SkippableFact]
    public async Task Fake_primaries_failing_failover_time_run()
    {
        Skip.IfNot(int.TryParse(Environment.GetEnvironmentVariable("VOICEFUNCTIONS_PROVIDERS_FAILOVER"), out var rounds) && rounds > 0,
            "a load run, not a test: bench/providers-failover.sh sets VOICEFUNCTIONS_PROVIDERS_FAILOVER=<rounds>");
        await using var healthy = await VendorFakeServer.StartAsync();
        var failing = new List<VendorFakeServer>();
        for (var i = 0; i < Stages.Length; i++)
        {
            failing.Add(await VendorFakeServer.StartAsync());
        }
        var question = await RussianCaller.QuestionAsync();
        output.WriteLine($"load average before: {File.ReadAllText("/proc/loadavg").Trim()}; first-result deadline {FailoverOptions.DefaultFirstResultDeadlineMs} ms (default)");
        foreach (var behaviour in new[] { FakeBehaviour.ServerError, FakeBehaviour.SlowFirstResult, FakeBehaviour.DropMidStream })
        {
            var samples = new List<(string Stage, double? Ms, string? Apology)>();
            for (var round = 0; round < rounds; round++)
            {
                samples.AddRange(await Task.WhenAll(Stages.Select((s, i) => SampleAsync(i, healthy, failing[i], behaviour, question))));
            }
            Report(behaviour, samples);
        }
        foreach (var server in failing)
        {
            await server.DisposeAsync();
        }
    }

    private static async Task<(string Stage, double? Ms, string? Apology)> SampleAsync(int stage, VendorFakeServer healthy, VendorFakeServer failing, FakeBehaviour behaviour, short[] question)
    {
        failing.Script.Behaviour = FakeBehaviour.Normal;
        failing.Script.FirstResultDelay = TimeSpan.FromSeconds(30);
        IReadOnlyList<(string, string, VendorFakeServer)> Chain(int i) => i == stage
            ? [(Stages[i].PrimaryKind, Stages[i].Primary, failing), (Stages[i].SecondaryKind, Stages[i].Secondary, healthy)]
            : [(Stages[i].PrimaryKind, Stages[i].Primary, healthy)];
        var settings = FakeVendorSettings.Russian(Chain(0), Chain(1), Chain(2));
        foreach (var s in Stages)
        {
            settings.Remove($"AiLoop:Providers:Chains:{s.Stage}:Failover:FirstResultDeadlineMs"); // the default, as deployed
        }
        await using var agent = FakeVendorAgent.Start(settings, relay: false);
        var plan = new CallerCrowd.Plan(question, Questions: 1, LeadSeconds: 3, PauseSeconds: 4);
        await using var crowd = new CallerCrowd(agent.Host.SipEndpoint) { OnQuestion = (_, _) => failing.Script.Behaviour = behaviour };
        await crowd.PlaceAsync(1, plan);
        await crowd.StreamAsync(plan);
        crowd.HangUp();
        var v2v = crowd.Calls.Single().VoiceToVoice(1).Single();
        var turn = agent.Turns.FirstOrDefault(t => t.Trigger == "speech");
        var apology = turn is null ? "no answer recorded" : turn.Error is not null || turn.AgentText != healthy.Script.LlmReply
            ? $"{turn.Error ?? turn.AgentText} ({string.Join(", ", turn.Providers)})" : null;
        return (Stages[stage].Stage, v2v?.TotalMilliseconds, apology);
    }

    private void Report(FakeBehaviour behaviour, List<(string Stage, double? Ms, string? Apology)> samples)
    {
        var all = samples.Where(s => s.Ms is not null).Select(s => s.Ms!.Value).Order().ToArray();
        var perStage = string.Join("; ", samples.GroupBy(s => s.Stage).Select(g =>
        {
            var v = g.Where(s => s.Ms is not null).Select(s => s.Ms!.Value).Order().ToArray();
            return $"{g.Key} n={v.Length} p50 {P(v, 0.5):F0} max {(v.Length > 0 ? v[^1] : double.NaN):F0}";
        }));
        output.WriteLine($"| {behaviour} | {all.Length} of {samples.Count} | {P(all, 0.5):F0} | {P(all, 0.95):F0} | {(all.Length > 0 ? all[^1] : double.NaN):F0} | "
            + $"{samples.Count(s => s.Apology is not null)} | {perStage} |");
        foreach (var (stage, _, apology) in samples.Where(s => s.Apology is not null))
        {
            output.WriteLine($"    apology ({stage}): {apology}");
        }
    }

    private static double P(double[] sorted, double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
}
