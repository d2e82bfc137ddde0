using System.Globalization;
using Microsoft.Extensions.Configuration;
using VoiceFunctions.MediaHost.Agent.FrontEnd;
using VoiceFunctions.TestSupport.LineSimulation;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// "frontend-quality": the front-end's echo and noise figures over the line simulator's matrix (delay 20–300 ms,
/// echo return loss 6/12/20 dB, mild clipping, a path change, white/pink/babble noise at SNR 5–20 dB), with
/// espeak-ng speech as the agent and the caller. Prints markdown tables for bench/results/frontend.md.
/// </summary>
public static class FrontEndQualityRun
{
    private const int Rate = FrontEndScenario.SamplesPerSecond;

    private static AudioFrontEndOptions s_options = new();

    /// <summary>Runs the tables named in <paramref name="args"/> ("echo", "path", "noise"; all when none is named) with the
    /// default options, or with <c>Name=value</c> overrides of <see cref="AudioFrontEndOptions"/> for tuning a carrier.</summary>
    public static int Run(string[] args)
    {
        var overrides = args.Where(a => a.Contains('=')).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => (string?)p[1]);
        s_options = new ConfigurationBuilder().AddInMemoryCollection(overrides).Build().Get<AudioFrontEndOptions>() ?? new();
        var tables = args.Where(a => !a.Contains('=')).ToHashSet();
        var all = tables.Count == 0;
        var agent = SpeechSamples.Speak(SpeechSamples.AgentText);
        if (all || tables.Contains("echo"))
        {
            Echo(agent);
        }
        if (all || tables.Contains("path"))
        {
            PathChange(agent);
        }
        if (all || tables.Contains("noise"))
        {
            NoiseAndDoubleTalk(agent, SpeechSamples.Speak(SpeechSamples.CallerText, "en-gb"));
        }
        return 0;
    }

    private static void Echo(short[] agent)
    {
        Console.WriteLine("| delay | ERL | line | ERLE 0–1 s | ERLE 1–2 s | ERLE 2–10 s | first 0.5 s window ≥ 25 dB starts at | every 0.5 s window ≥ 25 dB from | delay found |");
        Console.WriteLine("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        var sent = SpeechSamples.Fill(agent, 10 * Rate);
        foreach (var (delay, erl, clip) in EchoCases())
        {
            {
                var line = new LineSimulator(new EchoPathSettings(delay, erl, ClipFraction: clip));
                var received = line.Run(sent, noise: SignalLevels.ScaleTo(Noise.White(sent.Length, seed: 3), -75));
                using var frontEnd = new SpeexFrontEnd(s_options);
                var (cleaned, _) = FrontEndScenario.Run(frontEnd, sent, received);
                var converged = FrontEndScenario.SecondsToConverge(sent, received, cleaned, 0, 25);
                var reached = FrontEndScenario.SecondsToFirstReach(sent, received, cleaned, 0, 25);
                Console.WriteLine(Invariant($"| {delay} ms | {erl} dB | {(clip < 1 ? "soft clip at " + clip + " FS" : "linear")} | {Erle(sent, received, cleaned, 0, 1)} | {Erle(sent, received, cleaned, 1, 2)} | {Erle(sent, received, cleaned, 2, 10)} | {Seconds(reached)} | {Seconds(converged)} | {(frontEnd.AlignedDelaySamples + s_options.EchoTailMs * 4) / 16} ms |"));
            }
        }
        Console.WriteLine();
    }

    private static IEnumerable<(int DelayMs, double ErlDb, double Clip)> EchoCases()
    {
        foreach (var delay in new[] { 20, 50, 150, 300 })
        {
            foreach (var erl in new[] { 6.0, 12.0, 20.0 })
            {
                yield return (delay, erl, 0.8);
            }
            yield return (delay, 12.0, 1.0);
        }
    }

    private static void PathChange(short[] agent)
    {
        Console.WriteLine("| path change (at 6 s) | ERLE 4–6 s | ERLE 6–7 s | ERLE 7–8 s | ERLE 8–12 s | first 0.5 s window ≥ 25 dB (after the change) | every window ≥ 25 dB from | canceller restarts (whole call) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var sent = SpeechSamples.Fill(agent, 12 * Rate);
        foreach (var (from, to) in new[] { (60, 250), (250, 60), (150, 170) })
        {
            var line = new LineSimulator(new EchoPathSettings(from, 12, ClipFraction: 0.8, DispersionSeed: 1));
            using var frontEnd = new SpeexFrontEnd(s_options);
            var received = new short[sent.Length];
            var cleaned = new short[sent.Length];
            for (var offset = 0; offset + 320 <= sent.Length; offset += 320)
            {
                if (offset == 6 * Rate)
                {
                    line.ChangePath(new EchoPathSettings(to, 12, ClipFraction: 0.8, DispersionSeed: 2));
                }
                line.Process(sent.AsSpan(offset, 320), default, default, received.AsSpan(offset, 320));
                received.AsSpan(offset, 320).CopyTo(cleaned.AsSpan(offset, 320));
                frontEnd.Process(sent.AsSpan(offset, 320), cleaned.AsSpan(offset, 320));
            }
            var reconverged = FrontEndScenario.SecondsToConverge(sent, received, cleaned, 6, 25);
            var reached = FrontEndScenario.SecondsToFirstReach(sent, received, cleaned, 6, 25);
            Console.WriteLine(Invariant($"| {from} → {to} ms, new dispersion | {Erle(sent, received, cleaned, 4, 6)} | {Erle(sent, received, cleaned, 6, 7)} | {Erle(sent, received, cleaned, 7, 8)} | {Erle(sent, received, cleaned, 8, 12)} | {Seconds(reached)} | {Seconds(reconverged)} | {frontEnd.Restarts} |"));
        }
        Console.WriteLine();
    }

    private static void NoiseAndDoubleTalk(short[] agent, short[] caller)
    {
        Console.WriteLine("| noise | SNR | noise removed (caller and agent quiet) | caller kept (correlation, double talk) | double-talk frames while the caller speaks | false double-talk frames (echo only, after 3 s) |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        var samples = 10 * Rate;
        var babble = SpeechSamples.Babble(samples);
        var callerStart = 6 * Rate;
        var callerLevel = SignalLevels.ScaleTo(caller, -26);
        var callerPlaced = SignalLevels.Place(callerLevel, callerStart, samples);
        // The agent talks for the first 2 s, pauses 1 s (noise only), then talks until the end; the caller joins at 6 s.
        var sent = SpeechSamples.Fill(agent, samples);
        sent.AsSpan(2 * Rate, Rate).Clear();
        foreach (var kind in new[] { "white", "pink", "babble" })
        {
            foreach (var snr in new[] { 5.0, 10.0, 20.0 })
            {
                var raw = kind switch { "white" => Noise.White(samples, 4), "pink" => Noise.Pink(samples, 4), _ => babble };
                var noise = SignalLevels.ScaleToSnr(raw, callerLevel, snr);
                var line = new LineSimulator(new EchoPathSettings(120, 12, ClipFraction: 0.8));
                var received = line.Run(sent, callerPlaced, noise);
                using var frontEnd = new SpeexFrontEnd(s_options);
                var (cleaned, frames) = FrontEndScenario.Run(frontEnd, sent, received);
                var quiet = new Range(2 * Rate + 6400, 3 * Rate); // the agent's pause, after its echo has died away
                var removed = SignalLevels.Dbfs(received.AsSpan(quiet)) - SignalLevels.Dbfs(cleaned.AsSpan(2 * Rate + 6400 + SpeexFrontEnd.OutputDelaySamples, Rate - 6400));
                var kept = SignalLevels.Correlation(cleaned.AsSpan(callerStart + SpeexFrontEnd.OutputDelaySamples, 3 * Rate), callerPlaced.AsSpan(callerStart, 3 * Rate));
                var callerEnd = Math.Min(callerStart + callerLevel.Length, samples);
                var during = frames[(callerStart / 320)..(callerEnd / 320)].Count(f => f.DoubleTalk);
                var falseFrames = frames[(3 * Rate / 320)..(callerStart / 320)].Count(f => f.DoubleTalk);
                Console.WriteLine(Invariant($"| {kind} | {snr} dB | {removed:F1} dB | {kept:F2} | {during} of {(callerEnd - callerStart) / 320} | {falseFrames} of {(callerStart - 3 * Rate) / 320} |"));
            }
        }
        Console.WriteLine();
    }

    private static string Erle(short[] sent, short[] received, short[] cleaned, double from, double to) =>
        Invariant($"{FrontEndScenario.ErleDb(sent, received, cleaned, from, to):F1} dB");

    private static string Seconds(double? seconds) => seconds is { } s ? Invariant($"{s:F1} s") : "not within the run";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
