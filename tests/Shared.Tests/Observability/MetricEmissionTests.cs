using System.Reflection;
using System.Text.RegularExpressions;
using VoiceFunctions.Shared.Observability;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Shared.Tests.Observability;

/// <summary>
/// No metric name is defined that nothing emits, and no alert rule watches one: a name in MetricNames is
/// either the name argument of an instrument created in production code, or listed in MetricNames.Reserved.
/// The runtime tests of each plane (ControlPlaneMetricsTests, AgentMetricsTests, ...) check the tags.
/// </summary>
public sealed partial class MetricEmissionTests
{
    private static readonly string[] ProductionFolders = ["Shared", "Functions", "MediaHost", "Cli"];

    /// <summary>The first argument of meter.CreateCounter&lt;long&gt;(MetricNames.X, ...) and the other Create* calls; the
    /// LiveKit client, which depends on nothing of ours, names its instruments with LiveKitMetricNames.X.</summary>
    [GeneratedRegex(@"\.Create\w+(<[^>()]*>)?\(\s*(?<class>LiveKitMetricNames|MetricNames)\.(?<field>\w+)")]
    private static partial Regex InstrumentCreation();

    // A metric name, not a Kubernetes label or taint domain such as voicefunctions.io/role (followed by '/').
    [GeneratedRegex(@"voicefunctions\.[a-z_.]+[a-z_](?![a-z_./])")]
    private static partial Regex MetricNameInText();

    private static readonly Dictionary<string, string> NameOfField = LiteralFields(typeof(MetricNames));

    private static readonly Dictionary<string, string> NameOfLiveKitField = LiteralFields(typeof(LiveKitMetricNames));

    private static Dictionary<string, string> LiteralFields(Type names) => names
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != "Prefix")
        .ToDictionary(f => f.Name, f => (string)f.GetRawConstantValue()!);

    private static IEnumerable<string> ProductionSources() => ProductionFolders
        .Select(folder => Path.Combine(RepoPaths.Root, folder))
        .Where(Directory.Exists)
        .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static HashSet<string> EmittedNames()
    {
        var emitted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ProductionSources())
        {
            foreach (Match m in InstrumentCreation().Matches(File.ReadAllText(file)))
            {
                var fields = m.Groups["class"].Value == nameof(LiveKitMetricNames) ? NameOfLiveKitField : NameOfField;
                Assert.True(fields.TryGetValue(m.Groups["field"].Value, out var name), $"{file}: {m.Groups["class"].Value}.{m.Groups["field"].Value} is not a metric name");
                emitted.Add(name);
            }
        }
        return emitted;
    }

    [Fact]
    public void Every_metric_name_is_emitted_by_production_code_or_listed_as_reserved()
    {
        var emitted = EmittedNames();

        var silent = MetricNames.All.Except(emitted).Except(MetricNames.Reserved).ToArray();
        Assert.True(silent.Length == 0, "defined but emitted nowhere (emit them or list them in MetricNames.Reserved): " + string.Join(", ", silent));
        var unlisted = emitted.Except(MetricNames.All).ToArray();
        Assert.True(unlisted.Length == 0, "emitted but missing from MetricNames.All: " + string.Join(", ", unlisted));
        var reservedButEmitted = MetricNames.Reserved.Intersect(emitted).ToArray();
        Assert.True(reservedButEmitted.Length == 0, "emitted, so no longer reserved: " + string.Join(", ", reservedButEmitted));
    }

    [Fact]
    public void Alert_rules_in_infra_watch_only_metric_names_that_are_emitted()
    {
        var emitted = EmittedNames();
        var bicep = Directory.EnumerateFiles(RepoPaths.Root, "*.bicep", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}node_modules{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToArray();
        var watched = bicep.SelectMany(path => MetricNameInText().Matches(File.ReadAllText(path)).Select(m => (File: Path.GetFileName(path), Name: m.Value)))
            .Distinct()
            .ToArray();

        Assert.Contains(watched, w => w.Name == MetricNames.WebhookReceived); // the scan finds the alert queries at all
        Assert.All(watched, w => Assert.True(emitted.Contains(w.Name), $"{w.File} watches {w.Name}, which nothing emits"));
    }
}
