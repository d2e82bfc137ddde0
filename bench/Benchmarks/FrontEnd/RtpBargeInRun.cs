using System.Globalization;

namespace VoiceFunctions.Benchmarks.FrontEnd;

/// <summary>
/// "frontend-bargein-rtp": agent calls over real RTP on loopback (<see cref="RtpBargeInScenario"/>), over a matrix of
/// echo paths, each once with the caller silent (false barge-ins on the agent's own echo) and once per caller level
/// against the echo (missed barge-ins, and caller speech start → agent silent on the wire). Real time: ~15 s a call.
/// "quick": one path, two caller levels; "silent": the four paths with the caller silent (false barge-ins only);
/// "delays=60,240", "losses=6,12", "callers=silent,0,-12" choose the matrix; "dump=DIR" writes each call for frontend-replay.
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
        Console.WriteLine($"VAD: {RtpBargeInScenario.Vad}");
        Console.WriteLine("| echo delay (peer) | ERL | caller vs echo | agent speech | greeting interrupted | false barge-ins | caller start → agent silent on the wire | line impairment (echo packets late at the peer / frames the host concealed) |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: |");
        var results = new List<RtpBargeInResult>();
        foreach (var delay in delays)
        {
            foreach (var loss in losses)
            {
                foreach (var caller in callerLevels)
                {
                    var dump = dumpDirectory is null ? null : Path.Combine(dumpDirectory, FormattableString.Invariant($"{delay}ms-{loss}dB-{(caller is { } level ? level.ToString(CultureInfo.InvariantCulture) : "silent")}"));
                    var r = await RtpBargeInScenario.RunAsync(new RtpBargeInCase(delay, loss, caller), dumpPath: dump);
                    results.Add(r);
                    Console.WriteLine(FormattableString.Invariant(
                        $"| {delay} ms | {loss} dB | {(caller is { } c ? c + " dB" : "silent")} | {r.AgentSpeechSeconds:F1} s | {(r.GreetingInterrupted ? "yes" : "no")} | {(caller is null ? r.FalseBargeIns.ToString(CultureInfo.InvariantCulture) : "–")} | {(r.SilentOnTheWireMs is { } ms ? ms.ToString("F0", CultureInfo.InvariantCulture) + " ms" : caller is null ? "–" : "did not stop")} | {r.LateEchoPackets} / {r.HostConcealedFrames} |"));
                }
            }
        }
        var silent = results.Where(r => r.Case.CallerRelativeToEchoDb is null).ToArray();
        var spoken = results.Where(r => r.Case.CallerRelativeToEchoDb is not null).ToArray();
        var latencies = spoken.Select(r => r.SilentOnTheWireMs).OfType<double>().Order().ToArray();
        Console.WriteLine();
        var latencyText = latencies.Length == 0 ? "none" : FormattableString.Invariant($"median {latencies[latencies.Length / 2]:F0} ms, max {latencies[^1]:F0} ms");
        Console.WriteLine(FormattableString.Invariant(
            $"False barge-ins: {silent.Sum(r => r.FalseBargeIns)} in {silent.Sum(r => r.AgentSpeechSeconds):F0} s of agent speech over {silent.Length} calls; missed barge-ins: {spoken.Count(r => !r.GreetingInterrupted)} of {spoken.Length}; caller start → silent: {latencyText}"));
        var quiet = spoken.Where(r => r.Case.CallerRelativeToEchoDb <= 0).ToArray();
        var p95 = latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(0.95 * latencies.Length) - 1)];
        Console.WriteLine(FormattableString.Invariant(
            $"Against issue 16's targets: missed at 0 to -12 dB {quiet.Count(r => !r.GreetingInterrupted)} of {quiet.Length} (target <= 2 %); missed above the echo {spoken.Count(r => r.Case.CallerRelativeToEchoDb > 0 && !r.GreetingInterrupted)} of {spoken.Count(r => r.Case.CallerRelativeToEchoDb > 0)} (target 0); false barge-ins {silent.Sum(r => r.FalseBargeIns)} in {silent.Sum(r => r.AgentSpeechSeconds) / 60:F1} min of agent speech (target <= 1 per 10 min); caller start -> silent p95 {p95:F0} ms (target <= 300 ms)"));
        return 0;
    }

    /// <summary>"name=a,b,c" as numbers ("silent" is null: the caller does not speak); null when the argument is absent.</summary>
    private static double?[]? List(string[] args, string name) =>
        args.FirstOrDefault(a => a.StartsWith(name, StringComparison.Ordinal)) is { } arg
            ? [.. arg[name.Length..].Split(',').Select(v => v == "silent" ? (double?)null : double.Parse(v, CultureInfo.InvariantCulture))]
            : null;
}
