using System.Text.Json;

namespace VoiceFunctions.Functions.LocalHost;

/// <summary>
/// What the local host takes from the function app's host.json, so that it runs as the Functions host would:
/// the HTTP route prefix and the Durable task hub (name, partitions, concurrency, queue polling).
/// </summary>
public sealed record HostJsonSettings(
    string RoutePrefix,
    string HubName,
    int PartitionCount,
    int MaxConcurrentActivityFunctions,
    int MaxConcurrentOrchestratorFunctions,
    TimeSpan MaxQueuePollingInterval)
{
    /// <summary>
    /// How long a dequeued work item (activity) or control-queue message stays invisible before another host may take
    /// it again: after a host stopped mid-work, the work resumes when this has passed. The provider's default is 5 min.
    /// </summary>
    public TimeSpan? WorkItemQueueVisibilityTimeout { get; init; }

    /// <inheritdoc cref="WorkItemQueueVisibilityTimeout"/>
    public TimeSpan? ControlQueueVisibilityTimeout { get; init; }

    /// <summary>The Functions host's defaults for what host.json leaves out.</summary>
    public static HostJsonSettings Defaults { get; } = new("api", "TestHubName", 4, 10, 10, TimeSpan.FromSeconds(30));

    /// <summary>host.json beside the running assembly (the function app's build copies it there).</summary>
    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, "host.json");

    public static HostJsonSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"host.json not found at {path}: the local host reads the task hub and route prefix from it", path);
        }
        using var doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var extensions = doc.RootElement.TryGetProperty("extensions", out var e) ? e : default;
        var http = Child(extensions, "http");
        var durable = Child(extensions, "durableTask");
        var storage = Child(durable, "storageProvider");
        var d = Defaults;
        return new HostJsonSettings(
            String(http, "routePrefix") ?? d.RoutePrefix,
            String(durable, "hubName") ?? d.HubName,
            Int(storage, "partitionCount") ?? d.PartitionCount,
            Int(durable, "maxConcurrentActivityFunctions") ?? d.MaxConcurrentActivityFunctions,
            Int(durable, "maxConcurrentOrchestratorFunctions") ?? d.MaxConcurrentOrchestratorFunctions,
            String(storage, "maxQueuePollingInterval") is { } interval ? TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) : d.MaxQueuePollingInterval)
        {
            WorkItemQueueVisibilityTimeout = Time(storage, "workItemQueueVisibilityTimeout"),
            ControlQueueVisibilityTimeout = Time(storage, "controlQueueVisibilityTimeout"),
        };
    }

    private static TimeSpan? Time(JsonElement parent, string name) =>
        String(parent, name) is { } text ? TimeSpan.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;

    private static JsonElement Child(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var child) ? child : default;

    private static string? String(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static int? Int(JsonElement parent, string name) =>
        Child(parent, name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : null;
}
