using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.FrontEnd;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// "frontend-bargein [quick] [energy] [margin=DB] [confirm=MS] [hard] [noise]": the agent's listening decisions on simulated lines (<see cref="BargeInLineScenario"/>,
/// in process, the real speexdsp front-end and the Silero VAD — or the energy VAD with "energy"), over echo paths of
/// 20–300 ms at 3, 6 and 12 dB echo return loss, each once with the caller silent (plain and with pink noise at SNR 10 dB)
/// and once per caller level against the echo ("hard": babble at SNR 10 dB and echo paths that change 6 s in, caller
/// silent and at 0 dB). Deterministic: the same input gives the same table. Prints markdown.
/// "pause=MS" adds pause-at-onset (<see cref="OnsetPause"/>: the agent is held silent from the first caller speech frame,
/// resumes after MS without a confirmed barge-in). "soak [minutes=N] [pause=MS]": issue 16's false-barge-in target at its
/// own conditions and with the power to judge it — N (default 12) minutes of agent speech, caller silent, 6 dB echo return
/// loss, echo delays 50–300 ms, pink noise at SNR 10 dB, every call with its own noise and its own part of the agent's text.
/// </summary>
public static class BargeInLineRun
{
    public static int Run(string[] args)
    {
        if (args.Contains("noise"))
        {
            return NoiseTable(args);
        }
        var pause = args.FirstOrDefault(a => a.StartsWith("pause=", StringComparison.Ordinal)) is { } p
            ? new OnsetPause(int.Parse(p["pause=".Length..], CultureInfo.InvariantCulture))
            : null;
        if (args.Contains("soak"))
        {
            return Soak(args, pause);
        }
        if (args.Contains("slips"))
        {
            return Slips();
        }
        var quick = args.Contains("quick");
        var hard = args.Contains("hard");
        var options = new AiLoopOptions { Language = "en-US" };
        if (args.FirstOrDefault(a => a.StartsWith("margin=", StringComparison.Ordinal)) is { } margin)
        {
            options.BargeIn.EchoMarginDb = double.Parse(margin["margin=".Length..], CultureInfo.InvariantCulture);
        }
        if (args.FirstOrDefault(a => a.StartsWith("confirm=", StringComparison.Ordinal)) is { } confirm)
        {
            options.BargeIn.ConfirmationMs = int.Parse(confirm["confirm=".Length..], CultureInfo.InvariantCulture);
        }
        var delays = quick ? new[] { 60, 240 } : new[] { 20, 60, 150, 300 };
        var losses = quick ? new[] { 6.0 } : new[] { 3.0, 6.0, 12.0 };
        double?[] callerLevels = [null, 12, 6, 0, -6, -12];
        using var silero = new SileroVadFactory(new SileroVadOptions(), new VadOptions(), NullLogger<SileroVadFactory>.Instance);
        Func<IVoiceActivityDetector> vads = args.Contains("energy") || silero.Model is null ? () => new EnergyVoiceActivityDetector(new VadOptions()) : silero.Create;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"VAD: {(args.Contains("energy") || silero.Model is null ? "energy" : "Silero")}, echo margin {options.BargeIn.EchoMarginDb} dB, confirmation {options.BargeIn.ConfirmationMs} ms, pause at onset: {(pause is null ? "off" : $"resume after {pause.ResumeAfterMs} ms")}"));
        Console.WriteLine("| echo delay | ERL | caller vs echo | noise | false barge-ins | false turns | barge-in after the caller's start |");
        Console.WriteLine("| ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        var results = new List<BargeInLineResult>();
        foreach (var delay in delays)
        {
            foreach (var loss in losses)
            {
                foreach (var line in hard ? HardCases(delay, loss) : Cases(delay, loss, callerLevels))
                {
                    using var frontEnd = new SpeexFrontEnd(new AudioFrontEndOptions());
                    var vad = vads();
                    var r = BargeInLineScenario.Run(line, frontEnd, vad, options, pause);
                    (vad as IDisposable)?.Dispose();
                    results.Add(r);
                    Console.WriteLine(FormattableString.Invariant(
                        $"| {delay}{(line.ChangedDelayMs is { } changed ? $" → {changed}" : "")} ms | {loss} dB | {(line.CallerRelativeToEchoDb is { } c ? c + " dB" : "silent")} | {(line.NoiseSnrDb is { } snr ? $"{(line.Babble ? "babble" : "pink")}, SNR {snr} dB" : "–")} | {r.FalseBargeIns} | {r.FalseTurns} | {(r.BargeInAfterMs is { } ms ? ms.ToString("F0", CultureInfo.InvariantCulture) + " ms" : line.CallerRelativeToEchoDb is null ? "–" : "**missed**")} |"));
                }
            }
        }
        var silent = results.Where(r => r.Case.CallerRelativeToEchoDb is null).ToArray();
        var spoken = results.Where(r => r.Case.CallerRelativeToEchoDb is not null).ToArray();
        var latencies = spoken.Select(r => r.BargeInAfterMs).OfType<double>().Order().ToArray();
        var decided = latencies.Length == 0 ? "–" : FormattableString.Invariant($"median {latencies[latencies.Length / 2]:F0} ms, p95 {latencies[(int)Math.Ceiling(latencies.Length * 0.95) - 1]:F0} ms");
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Caller silent: {silent.Sum(r => r.FalseBargeIns)} false barge-ins and {silent.Sum(r => r.FalseTurns)} false turns in {silent.Sum(r => r.AgentSpeechSeconds):F0} s of agent speech ({silent.Length} calls). " +
            $"Caller speaking: missed {spoken.Count(r => r.BargeInAfterMs is null)} of {spoken.Length}; false turns before the caller spoke {spoken.Sum(r => r.FalseTurns)}, false barge-ins {spoken.Sum(r => r.FalseBargeIns)}; decided after {decided}."));
        if (pause is not null)
        {
            var atOrBelow = spoken.Where(r => r.Case.CallerRelativeToEchoDb <= 0).ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Pause at onset: false pauses {results.Sum(r => r.FalsePauses)} ({results.Sum(r => r.FalsePausedMs) / 1000:F1} s held) in {results.Sum(r => r.AgentSpeechSeconds):F0} s of agent speech; " +
                $"caller start → agent silent (and stays so): all callers {Percentiles(spoken.Select(r => r.SilentAfterMs))}, callers 0 to −12 dB {Percentiles(atOrBelow.Select(r => r.SilentAfterMs))}; " +
                $"decided (turn cancelled) callers 0 to −12 dB {Percentiles(atOrBelow.Select(r => r.BargeInAfterMs))}."));
        }
        return 0;
    }

    /// <summary>"slips": a jitter buffer whose depth changes (+80 ms around the caller's start, −40, +20 later; see
    /// <see cref="PlayoutDisturbance"/>) between the line and the front-end, with the echo reference paired through the
    /// buffer's slip (as the MediaHost now does) and slot by slot (as before): echo 60–300 ms at 6 and 12 dB ERL, the
    /// caller silent (with and without pink noise at SNR 10 dB) and at 0, −6 and −12 dB against the echo.</summary>
    private static int Slips()
    {
        var options = new AiLoopOptions { Language = "en-US" };
        using var silero = new SileroVadFactory(new SileroVadOptions(), new VadOptions(), NullLogger<SileroVadFactory>.Instance);
        if (silero.Model is null)
        {
            Console.Error.WriteLine("the Silero model is missing");
            return 2;
        }
        Console.WriteLine("| echo reference | calls | missed, caller 0 to −12 dB | decided after (median / p95) | caller silent: false barge-ins / false turns |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: |");
        foreach (var playout in new[] { PlayoutDisturbance.None, PlayoutDisturbance.Followed, PlayoutDisturbance.Ignored })
        {
            var results = new List<BargeInLineResult>();
            foreach (var delay in new[] { 60, 150, 240, 300 })
            {
                foreach (var loss in new[] { 6.0, 12.0 })
                {
                    foreach (var (callerDb, snr) in new (double?, double?)[] { (null, null), (null, 10), (0, null), (-6, null), (-12, null) })
                    {
                        using var frontEnd = new SpeexFrontEnd(new AudioFrontEndOptions());
                        var vad = silero.Create();
                        var r = BargeInLineScenario.Run(new BargeInLineCase(delay, loss, callerDb, NoiseSnrDb: snr, Playout: playout), frontEnd, vad, options);
                        ((IDisposable)vad).Dispose();
                        results.Add(r);
                        if (r.FalseBargeIns + r.FalseTurns > 0 || (callerDb is not null && r.BargeInAfterMs is null))
                        {
                            Console.Error.WriteLine(FormattableString.Invariant($"{playout}: {delay} ms, {loss} dB, caller {callerDb?.ToString() ?? "silent"}, noise {snr?.ToString() ?? "–"}: false barge-ins {r.FalseBargeIns}, false turns {r.FalseTurns}, barge-in after {r.BargeInAfterMs?.ToString() ?? "missed"}"));
                        }
                    }
                }
            }
            var spoken = results.Where(r => r.Case.CallerRelativeToEchoDb is not null).ToArray();
            var silent = results.Where(r => r.Case.CallerRelativeToEchoDb is null).ToArray();
            var name = playout switch
            {
                PlayoutDisturbance.None => "no depth changes (reference)",
                PlayoutDisturbance.Followed => "depth changes, pairing follows the slip",
                _ => "depth changes, paired slot by slot (before)",
            };
            Console.WriteLine(FormattableString.Invariant(
                $"| {name} | {results.Count} | {spoken.Count(r => r.BargeInAfterMs is null)} of {spoken.Length} | {Percentiles(spoken.Select(r => r.BargeInAfterMs))} | {silent.Sum(r => r.FalseBargeIns)} / {silent.Sum(r => r.FalseTurns)} in {silent.Sum(r => r.AgentSpeechSeconds):F0} s |"));
        }
        return 0;
    }

    private static string Percentiles(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToArray();
        return sorted.Length == 0 ? "–" : FormattableString.Invariant($"median {sorted[sorted.Length / 2]:F0} / p95 {sorted[(int)Math.Ceiling(sorted.Length * 0.95) - 1]:F0} ms (n={sorted.Length})");
    }

    /// <summary>"soak": caller silent, 6 dB ERL, pink noise at SNR 10 dB, delays 50–300 ms in 50 ms steps, 10 s of agent
    /// speech per call (each call converges from scratch: the hardest seconds come round often), until the minutes asked
    /// for are reached; calls differ by noise seed and by where in its looped text the agent starts.</summary>
    private static int Soak(string[] args, OnsetPause? pause)
    {
        var minutes = args.FirstOrDefault(a => a.StartsWith("minutes=", StringComparison.Ordinal)) is { } m ? double.Parse(m["minutes=".Length..], CultureInfo.InvariantCulture) : 12;
        var options = new AiLoopOptions { Language = "en-US" };
        using var silero = new SileroVadFactory(new SileroVadOptions(), new VadOptions(), NullLogger<SileroVadFactory>.Instance);
        if (silero.Model is null)
        {
            Console.Error.WriteLine("the Silero model is missing: the soak measures the production VAD only");
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Soak: caller silent, 6 dB ERL, pink noise SNR 10 dB, delays 50–300 ms, Silero, confirmation {options.BargeIn.ConfirmationMs} ms, pause at onset: {(pause is null ? "off" : $"resume after {pause.ResumeAfterMs} ms")}"));
        Console.WriteLine("| echo delay | calls | agent speech | false barge-ins | false turns | false pauses (held) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: |");
        int[] delays = [50, 100, 150, 200, 250, 300];
        var perDelay = delays.ToDictionary(d => d, _ => new List<BargeInLineResult>());
        var seconds = 0.0;
        for (var call = 0; seconds < minutes * 60; call++)
        {
            var delay = delays[call % delays.Length];
            var line = new BargeInLineCase(delay, 6, null, NoiseSnrDb: 10, NoiseSeed: 1000 + call, AgentOffsetMs: call * 1_370 % 9_000);
            using var frontEnd = new SpeexFrontEnd(new AudioFrontEndOptions());
            var vad = silero.Create();
            var r = BargeInLineScenario.Run(line, frontEnd, vad, options, pause);
            ((IDisposable)vad).Dispose();
            perDelay[delay].Add(r);
            seconds += r.AgentSpeechSeconds;
            if (r.FalseBargeIns + r.FalseTurns > 0)
            {
                Console.Error.WriteLine(FormattableString.Invariant($"call {call}: {r}"));
            }
        }
        foreach (var (delay, rs) in perDelay)
        {
            Console.WriteLine(FormattableString.Invariant(
                $"| {delay} ms | {rs.Count} | {rs.Sum(r => r.AgentSpeechSeconds):F0} s | {rs.Sum(r => r.FalseBargeIns)} | {rs.Sum(r => r.FalseTurns)} | {rs.Sum(r => r.FalsePauses)} ({rs.Sum(r => r.FalsePausedMs) / 1000:F1} s) |"));
        }
        var all = perDelay.Values.SelectMany(r => r).ToArray();
        var falseBargeIns = all.Sum(r => r.FalseBargeIns);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{falseBargeIns} false barge-ins, {all.Sum(r => r.FalseTurns)} false turns, {all.Sum(r => r.FalsePauses)} false pauses in {seconds / 60:F1} min of agent speech ({all.Length} calls): " +
            $"{falseBargeIns / (seconds / 600):F2} per 10 min (target ≤ 1){(falseBargeIns == 0 ? $"; with none seen, the rate is below {3 / (seconds / 600):F2} per 10 min at 95 % confidence" : "")}."));
        return 0;
    }

    /// <summary>"noise": white, pink and babble noise at SNR 5, 10 and 20 dB (against a −26 dBFS caller) on lines of 60 and
    /// 240 ms at 6 dB ERL, once with the caller silent (false turns and barge-ins on echo + noise over 10 s of agent speech
    /// and 3 s after it) and once with the caller at 0 dB against the echo (missed: the caller's words found no turn).</summary>
    private static int NoiseTable(string[] args)
    {
        var options = new AiLoopOptions { Language = "en-US" };
        using var silero = new SileroVadFactory(new SileroVadOptions(), new VadOptions(), NullLogger<SileroVadFactory>.Instance);
        Func<IVoiceActivityDetector> vads = args.Contains("energy") || silero.Model is null ? () => new EnergyVoiceActivityDetector(new VadOptions()) : silero.Create;
        Console.WriteLine($"VAD: {(args.Contains("energy") || silero.Model is null ? "energy" : "Silero")}; lines 60 and 240 ms at 6 dB ERL; per cell: 2 calls caller silent / 2 calls caller at 0 dB vs the echo");
        Console.WriteLine("| noise | SNR | false turns (caller silent) | false barge-ins (caller silent) | missed caller (0 dB vs echo) | barge-in after the caller's start |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var kind in new[] { "white", "pink", "babble" })
        {
            foreach (var snr in new[] { 5.0, 10.0, 20.0 })
            {
                int falseTurns = 0, falseBargeIns = 0, missed = 0;
                var after = new List<double>();
                foreach (var delay in new[] { 60, 240 })
                {
                    foreach (double? caller in new double?[] { null, 0 })
                    {
                        using var frontEnd = new SpeexFrontEnd(new AudioFrontEndOptions());
                        var vad = vads();
                        var r = BargeInLineScenario.Run(new BargeInLineCase(delay, 6, caller, NoiseSnrDb: snr, Babble: kind == "babble", White: kind == "white"), frontEnd, vad, options);
                        (vad as IDisposable)?.Dispose();
                        if (caller is null)
                        {
                            falseTurns += r.FalseTurns;
                            falseBargeIns += r.FalseBargeIns;
                        }
                        else if (r.BargeInAfterMs is { } ms)
                        {
                            after.Add(ms);
                        }
                        else
                        {
                            missed++;
                        }
                    }
                }
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {kind} | {snr} dB | {falseTurns} | {falseBargeIns} | {missed} of 2 | {(after.Count == 0 ? "–" : string.Join(", ", after.Select(a => $"{a:F0} ms")))} |"));
            }
        }
        return 0;
    }

    private static IEnumerable<BargeInLineCase> HardCases(int delay, double loss)
    {
        double?[] callers = [null, 0];
        foreach (var caller in callers)
        {
            yield return new BargeInLineCase(delay, loss, caller, NoiseSnrDb: 10, Babble: true);
            yield return new BargeInLineCase(delay, loss, caller, ChangedDelayMs: delay >= 150 ? delay - 100 : delay + 150);
        }
    }

    private static IEnumerable<BargeInLineCase> Cases(int delay, double loss, double?[] callerLevels)
    {
        foreach (var caller in callerLevels)
        {
            yield return new BargeInLineCase(delay, loss, caller);
        }
        yield return new BargeInLineCase(delay, loss, null, NoiseSnrDb: 10);
    }
}
