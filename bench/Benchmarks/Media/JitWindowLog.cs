using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>
/// Which methods the JIT compiled while the capacity run's window was open, by namespace and tier (the runtime's
/// own MethodLoadVerbose events, read in-process): tells warm-up gaps (a method first compiled in the window) from
/// tiering (a hot method recompiled at tier 1, with PGO instrumentation, or on-stack replacement). Diagnostic only
/// (JIT_LIST=1): the listener allocates per event.
/// </summary>
public sealed class JitWindowLog : EventListener
{
    private const int MethodLoadVerbose = 143;
    private const EventKeywords JitKeyword = (EventKeywords)0x10;

    private readonly ConcurrentQueue<string> _methods = new();
    private volatile bool _open;

    public void Open() => _open = true;

    public void Close() => _open = false;

    /// <summary>Compiled methods per "tier namespace" group, most first.</summary>
    public IEnumerable<string> Summary(int top) => _methods
        .GroupBy(m => m)
        .OrderByDescending(g => g.Count())
        .Take(top)
        .Select(g => $"{g.Count(),5}  {g.Key}");

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(source, EventLevel.Verbose, JitKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (!_open || e.EventId != MethodLoadVerbose || e.Payload is not { } payload || e.PayloadNames is not { } names)
        {
            return;
        }
        string Read(string name) => names.IndexOf(name) is var i and >= 0 ? payload[i]?.ToString() ?? "" : "";
        var flags = uint.TryParse(Read("MethodFlags"), out var f) ? f : 0;
        var tier = (flags >> 7) & 0x7;
        var type = Read("MethodNamespace");
        var group = type.Split('[')[0];
        group = string.Join('.', group.Split('.').Take(4));
        _methods.Enqueue($"tier {tier} {group}");
    }
}
