using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;

namespace VoiceFunctions.Benchmarks.ControlPlane;

/// <summary>
/// Counts this process's requests to Azurite by kind (method, resource and operation: "POST control-queue messages",
/// "GET History query", "POST $batch"), from the HTTP client's own request activities. Resource names lose the run's
/// suffix and task hub prefix, so "bench3f2a…History" counts as "History" and "bench3f2a…-control-02" as "control-queue".
/// Why: requests per call by port say how much, not what to cut.
/// </summary>
internal sealed partial class StorageRequestKinds : IDisposable
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly ActivityListener _listener;

    public StorageRequestKinds()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = Count,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The kinds, most frequent first, each with its count per call.</summary>
    public string Summary(int calls)
    {
        var total = _counts.Values.Sum();
        var kinds = _counts.OrderByDescending(k => k.Value).Select(k => $"{k.Key} {k.Value / (double)Math.Max(1, calls):F1}");
        return $"Azurite requests per call by kind ({total} in all): {string.Join("; ", kinds)}";
    }

    private void Count(Activity activity)
    {
        if (activity.GetTagItem("url.full") is not string url || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Port is < 10000 or > 10002)
        {
            return;
        }
        var method = activity.GetTagItem("http.request.method") as string ?? "?";
        _counts.AddOrUpdate($"{method} {Kind(uri)}", 1, (_, n) => n + 1);
    }

    /// <summary>"History query", "Instances entity", "control-queue messages", "workitems-queue message", "$batch", "Tables".</summary>
    internal static string Kind(Uri uri)
    {
        var segments = uri.AbsolutePath.Trim('/').Split('/');
        if (segments.Length < 2)
        {
            return uri.AbsolutePath;
        }
        var resource = segments[1];
        if (uri.Port == 10002)
        {
            var open = resource.IndexOf('(', StringComparison.Ordinal);
            var name = Plain(open < 0 ? resource : resource[..open]);
            return open < 0 ? name : resource[(open + 1)..].StartsWith(')') ? name + " query" : name + " entity";
        }
        var kind = Plain(resource) + (uri.Port == 10001 ? "-queue" : "-blob");
        return segments.Length switch
        {
            2 => kind,
            3 => kind + " " + segments[2],
            _ => kind + " " + segments[2] + "/id",
        };
    }

    private static string Plain(string name)
    {
        // bench<10 hex>History, bench<10 hex>-control-02, benchcalls<10 hex>, benchprobe<10 hex>
        var withoutRun = RunSuffix().Replace(name, "");
        var control = withoutRun.Contains("-control-", StringComparison.Ordinal);
        return control ? "control" : withoutRun.TrimStart('-');
    }

    [GeneratedRegex("bench([0-9a-f]{10})?|[0-9a-f]{10}$|-[0-9]{2}$")]
    private static partial Regex RunSuffix();

    public void Dispose() => _listener.Dispose();
}
