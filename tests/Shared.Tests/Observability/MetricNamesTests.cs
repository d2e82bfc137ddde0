using System.Reflection;
using System.Text.RegularExpressions;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Shared.Tests.Observability;

public sealed class MetricNamesTests
{
    private static readonly string[] Constants = typeof(MetricNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void All_lists_every_metric_name_once()
    {
        Assert.Equal(Constants.Order(), MetricNames.All.Order());
        Assert.Equal(MetricNames.All.Count, MetricNames.All.Distinct().Count());
    }

    [Fact]
    public void Names_follow_the_voicefunctions_area_scheme()
    {
        var areas = new[] { "calls", "webhook", "livekit.api", "turn", "rtp", "sip", "health" };
        foreach (var name in MetricNames.All)
        {
            Assert.Matches(new Regex("^voicefunctions\\.[a-z]+(\\.[a-z]+)*\\.[a-z_]+$"), name);
            Assert.Contains(areas, area => name.StartsWith("voicefunctions." + area + ".", StringComparison.Ordinal));
        }
    }
}
