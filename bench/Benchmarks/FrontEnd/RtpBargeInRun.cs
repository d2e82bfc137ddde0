using System.Globalization;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// "frontend-bargein-rtp": agent calls over real RTP on loopback (<see cref="RtpBargeInScenario"/>), over a matrix of
/// echo paths, each once with the caller silent (false barge-ins on the agent's own echo) and once per caller level
/// against the echo (missed barge-ins, and caller speech start → agent silent on the wire). Real time: ~10–15 s a call.
/// "quick": one path, two caller levels; "silent": the four paths with the caller silent (false barge-ins only);
/// "delays=60,240", "losses=6,12", "callers=silent,0,-12" choose the matrix; "confirm=MS" sets BargeIn:ConfirmationMs; "noise=10" adds pink noise at that SNR
/// (against a −26 dBFS caller) to every call; "repeat=N" runs the matrix N times (for a rate); "parallel=N" runs N calls
/// at once; "budget=S" starts no call after S seconds (the summary covers the calls done) (each its own RTP session, clock and peer); "dump=DIR" writes each call for frontend-replay.
/// Prints markdown tables for bench/results/frontend.md.
/// </summary>
public static class RtpBargeInRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var dumpDirectory = args.FirstOrDefault(a => a.StartsWith("dump=", StringComparison.Ordinal))?["dump=".Length..];
        args = [.. args.Where(a => !a.StartsWith("dump=", StringComparison.Ordinal))];
        var delays = List(args, "delays=") is { } d ? d.Select(v => (int)v!).ToArray() : args is ["quick"] ? new[] { 140 } : new[] { 60, 240 };
        var losses = List(args, "losses=") is { } l ? l.Select(v => v!.Value).ToArray() : args is ["quick"] ? new[] { 6.0 } : new[] { 6.0, 12.0 };
        var callerLevels = List(args, "callers=") ?? (args is ["quick"] ? new double?[] { 6, 12 } : args is ["silent"] ? new double?[] { null } : new double?[] { null, 12, 6, 0, -6, -12 });
        var noise = List(args, "noise=")?.FirstOrDefault();
        var repeat = (int)(List(args, "repeat=")?.FirstOrDefault() ?? 1);
        var confirmation = List(args, "confirm=")?.FirstOrDefault() is { } ms ? (int?)ms : null;
        var parallel = Math.Max(1, (int)(List(args, "parallel=")?.FirstOrDefault() ?? 1));
        var cases = (from round in Enumerable.Range(0, repeat)
                     from delay in delays
                     from loss in losses
                     from caller in callerLevels
                     select (Round: round, Case: new RtpBargeInCase(delay, loss, caller, noise, confirmation))).ToArray();
        Console.WriteLine(FormattableString.Invariant($"VAD: {RtpBargeInScenario.Vad}; {cases.Length} calls, {parallel} at a time; noise {(noise is { } snr ? $"pink at SNR {snr} dB" : "none")}; confirmation {(confirmation is { } c ? $"{c} ms" : "default")}"));
        Console.WriteLine("| echo delay (peer) | ERL | caller vs echo | agent speech | greeting interrupted | false barge-ins | caller start → agent silent on the wire | of it, caller start → decision | line impairment (echo packets late at the peer / frames the host concealed) | host jitter delay |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |");
        var budget = List(args, "budget=")?.FirstOrDefault() is { } seconds ? TimeSpan.FromSeconds(seconds) : TimeSpan.MaxValue;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var skipped = 0;
        var results = new List<RtpBargeInResult>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (c, cancellationToken) =>
        {
            if (started.Elapsed > budget)
            {
                Interlocked.Increment(ref skipped); // past the time budget: no new call starts, the summary covers those done
                return;
            }
            var line = c.Case;
            var dump = dumpDirectory is null ? null : Path.Combine(dumpDirectory, FormattableString.Invariant(
                $"{line.EchoDelayMs}ms-{line.EchoReturnLossDb}dB-{(line.CallerRelativeToEchoDb is { } level ? level.ToString(CultureInfo.InvariantCulture) : "silent")}-{c.Round}"));
            var r = await RtpBargeInScenario.RunAsync(line, cancellationToken, dump);
            lock (results)
            {
                results.Add(r);
                Console.WriteLine(Row(r));
            }
        });
        if (skipped > 0)
        {
            Console.WriteLine(FormattableString.Invariant($"{skipped} of {cases.Length} calls not started: the time budget ({budget.TotalSeconds:F0} s) ran out (a loaded machine)"));
        }
        Summarise(results);
        return 0;
    }

    private static string Row(RtpBargeInResult r)
    {
        var caller = r.Case.CallerRelativeToEchoDb;
        return FormattableString.Invariant(
            $"| {r.Case.EchoDelayMs} ms | {r.Case.EchoReturnLossDb} dB | {(caller is { } c ? c + " dB" : "silent")} | {r.AgentSpeechSeconds:F1} s | {(r.GreetingInterrupted ? "yes" : "no")} | {(caller is null ? r.FalseBargeIns.ToString(CultureInfo.InvariantCulture) : "–")} | {(r.SilentOnTheWireMs is { } ms ? ms.ToString("F0", CultureInfo.InvariantCulture) + " ms" : caller is null ? "–" : "did not stop")} | {(r.DecidedAfterMs is { } decided ? decided.ToString("F0", CultureInfo.InvariantCulture) + " ms" : "–")} | {r.LateEchoPackets} / {r.HostConcealedFrames} | {r.JitterDelayMs} ms |");
    }

    private static void Summarise(List<RtpBargeInResult> results)
    {
        var silent = results.Where(r => r.Case.CallerRelativeToEchoDb is null).ToArray();
        var spoken = results.Where(r => r.Case.CallerRelativeToEchoDb is not null).ToArray();
        var latencies = spoken.Select(r => r.SilentOnTheWireMs).OfType<double>().Order().ToArray();
        var decided = spoken.Select(r => r.DecidedAfterMs).OfType<double>().Order().ToArray();
        var wire = spoken.Where(r => r.SilentOnTheWireMs is not null && r.DecidedAfterMs is not null)
            .Select(r => r.SilentOnTheWireMs!.Value - r.DecidedAfterMs!.Value).Order().ToArray();
        var quiet = spoken.Where(r => r.Case.CallerRelativeToEchoDb <= 0).ToArray();
        var above = spoken.Where(r => r.Case.CallerRelativeToEchoDb > 0).ToArray();
        var missedQuiet = quiet.Count(r => !r.GreetingInterrupted);
        var falseBargeIns = silent.Sum(r => r.FalseBargeIns);
        var silentMinutes = silent.Sum(r => r.AgentSpeechSeconds) / 60;
        Console.WriteLine();
        Console.WriteLine(FormattableString.Invariant(
            $"caller start -> agent silent on the wire: {Spread(latencies)}; of it, caller start -> decision: {Spread(decided)}; decision -> last agent packet: {Spread(wire)}"));
        Console.WriteLine(FormattableString.Invariant(
            $"Against issue 16's targets: missed at 0 to -12 dB {missedQuiet} of {quiet.Length} ({Percent(missedQuiet, quiet.Length)}; target <= 2 %); missed above the echo {above.Count(r => !r.GreetingInterrupted)} of {above.Length} (target 0); false barge-ins {falseBargeIns} in {silentMinutes:F1} min of agent speech over {silent.Length} silent calls (target <= 1 per 10 min); caller start -> silent p95 {Percentile(latencies, 0.95):F0} ms (target <= 300 ms)"));
    }

    private static string Spread(double[] sorted) => sorted.Length == 0
        ? "none"
        : FormattableString.Invariant($"median {Percentile(sorted, 0.5):F0} ms, p95 {Percentile(sorted, 0.95):F0} ms, max {sorted[^1]:F0} ms (n={sorted.Length})");

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static string Percent(int part, int whole) => whole == 0 ? "–" : FormattableString.Invariant($"{100.0 * part / whole:F1} %");

    /// <summary>"name=a,b,c" as numbers ("silent" is null: the caller does not speak); null when the argument is absent.</summary>
    private static double?[]? List(string[] args, string name) =>
        args.FirstOrDefault(a => a.StartsWith(name, StringComparison.Ordinal)) is { } arg
            ? [.. arg[name.Length..].Split(',').Select(v => v == "silent" ? (double?)null : double.Parse(v, CultureInfo.InvariantCulture))]
            : null;
}
