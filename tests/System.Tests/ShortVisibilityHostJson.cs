using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The app's host.json with short work-item and control-queue visibility timeouts, for drills that stop the control
/// plane's host or its storage mid-call. A message the stopped host had taken (an activity in flight, an orchestration
/// episode) stays invisible for the provider's visibility timeout (5 min by default) before another host takes it
/// again; here it is back after <see cref="Visibility"/>, within the drill's wait. In Azure the same work resumes too,
/// later. A message that reappears while its first run is still going runs twice: activities are idempotent.
/// </summary>
internal static class ShortVisibilityHostJson
{
    /// <summary>Longer than an activity takes on a saturated machine, well within a drill's wait.</summary>
    public static readonly TimeSpan Visibility = TimeSpan.FromSeconds(15);

    /// <summary>Writes the file (named after <paramref name="runId"/>) and returns its path, for <c>LocalHost:HostJsonPath</c>.</summary>
    public static string Write(string runId)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")))!;
        var storage = json["extensions"]!["durableTask"]!["storageProvider"]!;
        var visibility = Visibility.ToString("c", global::System.Globalization.CultureInfo.InvariantCulture);
        storage["workItemQueueVisibilityTimeout"] = visibility;
        storage["controlQueueVisibilityTimeout"] = visibility;
        var path = Path.Combine(Path.GetTempPath(), $"host-{runId}.json");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }
}
