using System.Globalization;
using VoiceFunctions.MediaHost.Outbound.Amd;
using Xunit.Abstractions;

namespace VoiceFunctions.MediaHost.Tests.Outbound;

/// <summary>
/// Answering-machine detection measured on the labelled synthetic set (<see cref="AmdCorpus"/>): accuracy ≥ 90 % and a
/// decision ≤ 3 s after the answer (the issue's targets), beeps found after machine greetings and none in speech.
/// The table it prints is bench/results/amd.md.
/// </summary>
public sealed class AnsweringMachineDetectionTests(ITestOutputHelper output)
{
    private const int Frame = 320;

    [SkippableFact]
    public async Task Synthetic_greetings_are_told_apart_at_least_90_percent_of_the_time_within_3_seconds_and_beeps_are_heard()
    {
        var cases = await AmdCorpus.BuildAsync();
        var options = new AmdOptions();
        var rows = new List<string>();
        int correct = 0, beepsFound = 0, beepCases = 0, falseBeeps = 0, maxDecisionMs = 0;
        var decisionMs = new List<int>();
        foreach (var c in cases)
        {
            var detector = new AnsweringMachineDetector(options);
            AmdVerdict? verdict = null;
            for (var at = 0; at + Frame <= c.Pcm.Length && verdict is null; at += Frame)
            {
                verdict = detector.Feed(c.Pcm.AsSpan(at, Frame));
            }
            var v = verdict ?? throw new InvalidOperationException($"{c.Name}: no verdict in {c.Pcm.Length / 16000.0:F1} s");
            var right = v.AnsweredBy == (c.IsMachine ? AnsweredBy.Machine : AnsweredBy.Human);
            correct += right ? 1 : 0;
            decisionMs.Add(v.AfterMs);
            maxDecisionMs = Math.Max(maxDecisionMs, v.AfterMs);

            // The beep watch continues after the verdict (the "wait for the beep, then leave a message" action).
            var (beepAt, _) = FindBeep(c.Pcm, options);
            if (c.HasBeep)
            {
                beepCases++;
                beepsFound += beepAt is { } t && Math.Abs(t - c.BeepAtSeconds) < 0.5 ? 1 : 0;
            }
            else if (beepAt is not null)
            {
                falseBeeps++;
            }
            rows.Add($"| {c.Name} | {(c.IsMachine ? "machine" : "human")} | {v.AnsweredBy} | {(right ? "✓" : "✗")} | {v.AfterMs} | {v.Why} | {(beepAt is { } b ? b.ToString("F2", CultureInfo.InvariantCulture) + " s" : "-")} |");
        }
        var accuracy = (double)correct / cases.Count;
        decisionMs.Sort();
        output.WriteLine("| case | truth | decided | ok | decision ms | why | beep heard at |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        rows.ForEach(output.WriteLine);
        output.WriteLine($"accuracy {correct}/{cases.Count} = {accuracy:P1}; decision median {decisionMs[decisionMs.Count / 2]} ms, max {maxDecisionMs} ms; beeps found {beepsFound}/{beepCases}, false beeps {falseBeeps}/{cases.Count - beepCases}");

        Assert.True(cases.Count >= 40, $"only {cases.Count} cases");
        Assert.True(accuracy >= 0.9, $"accuracy {accuracy:P1} < 90 %");
        Assert.True(maxDecisionMs <= 3000, $"a decision took {maxDecisionMs} ms");
        Assert.True(beepsFound >= beepCases * 9 / 10, $"beeps found {beepsFound}/{beepCases}");
        Assert.True(falseBeeps <= (cases.Count - beepCases) / 10, $"false beeps {falseBeeps}");
    }

    [Fact]
    public void Silence_throughout_is_a_person_waiting_decided_at_the_deadline()
    {
        var detector = new AnsweringMachineDetector(new AmdOptions());
        var silence = new short[Frame];
        AmdVerdict? verdict = null;
        for (var i = 0; i < 200 && verdict is null; i++)
        {
            verdict = detector.Feed(silence);
        }
        Assert.Equal(AnsweredBy.Human, verdict!.Value.AnsweredBy);
        Assert.Equal(3000, verdict.Value.AfterMs);
    }

    [Fact]
    public void A_steady_tone_is_a_beep_and_a_machine_at_once()
    {
        var detector = new AnsweringMachineDetector(new AmdOptions());
        var tone = new short[Frame];
        AmdVerdict? verdict = null;
        for (var n = 0; verdict is null && n < 50 * Frame; n += Frame)
        {
            for (var i = 0; i < Frame; i++)
            {
                tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * (n + i) / 16000.0));
            }
            verdict = detector.Feed(tone);
        }
        Assert.Equal((AnsweredBy.Machine, true), (verdict!.Value.AnsweredBy, verdict.Value.BeepHeard));
        Assert.True(verdict.Value.AfterMs <= 200, $"beep found after {verdict.Value.AfterMs} ms");
    }

    /// <summary>When (seconds) a beep is first heard in the whole clip, by the same tone detector the AMD uses.</summary>
    private static (double? At, int Frames) FindBeep(short[] pcm, AmdOptions options)
    {
        var tone = new ToneDetector(16000, Math.Max(1, options.BeepMs / 20));
        var frames = 0;
        for (var at = 0; at + Frame <= pcm.Length; at += Frame)
        {
            frames++;
            double energy = 0;
            foreach (var s in pcm.AsSpan(at, Frame))
            {
                energy += s * (double)s;
            }
            if (tone.Feed(pcm.AsSpan(at, Frame), energy / Frame))
            {
                // The tone is confirmed after BeepMs: its start is that much earlier.
                return ((at + Frame) / 16000.0 - options.BeepMs / 1000.0, frames);
            }
        }
        return (null, frames);
    }
}
