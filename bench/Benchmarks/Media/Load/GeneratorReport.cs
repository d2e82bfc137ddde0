using System.Globalization;

namespace VoiceFunctions.Benchmarks.Media.Load;

/// <summary>
/// The load generator's DONE line (<c>DONE key=value …</c>, see <see cref="PhasedRtpStreamer"/>) as the capacity
/// run reports it: the host's packets timed on the wire, and what the generator itself cost.
/// </summary>
internal sealed class GeneratorReport(IReadOnlyDictionary<string, string> fields)
{
    public static GeneratorReport Parse(string doneLine) => new(doneLine
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(token => token.Split('=', 2))
        .Where(pair => pair.Length == 2)
        .ToDictionary(pair => pair[0], pair => pair[1]));

    /// <summary>"p50 / p99 / max ms (share over 10 ms)" of the host's packets against each call's 20 ms timeline.</summary>
    public string WireLateness => fields.ContainsKey("wireP50Ms")
        ? $"{Get("wireP50Ms")} / {Get("wireP99Ms")} / {Get("wireMaxMs")} ms ({Get("wireOver10msPct")} % > 10 ms)"
        : "n/a";

    /// <summary>The generator's CPU per call over the window, % of a core.</summary>
    public string CpuPerCall => fields.ContainsKey("cpuPerCallPct") ? $"{Get("cpuPerCallPct")} %" : "n/a";

    public string Details => string.Create(CultureInfo.InvariantCulture,
        $"wire: {Get("wirePackets")} packets from the host timed, lateness {WireLateness}, {Get("gaps")} sequence gaps " +
        $"({Get("callsWithGaps")} calls), fewest received by a call {Get("minReceivedPerCall")}, {Get("unknownSender")} from unknown ports; " +
        $"generator: sends p99 {Get("sendLateP99Ms")} / max {Get("sendLateMaxMs")} ms after due, reads p99 {Get("readLagP99Ms")} / max {Get("readLagMaxMs")} ms after arrival, " +
        $"{Get("rtpSyscallsPerSecond")} RTP system calls/s, " +
        $"CPU {CpuPerCall} of a core per call (user {Get("cpuUserMs")} ms + system {Get("cpuSystemMs")} ms over {Get("windowMs")} ms), " +
        $"real-time streaming thread {Get("realtime")}");

    private string Get(string key) => fields.TryGetValue(key, out var value) ? value : "?";
}
