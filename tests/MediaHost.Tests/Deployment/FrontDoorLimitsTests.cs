using System.Globalization;
using System.Text.RegularExpressions;
using VoiceFunctions.MediaHost.Hosting;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// The front door (deploy/kamailio/kamailio.cfg) applies the per-caller limits the MediaHosts behind it stop applying
/// (every request reaches them from the front door's one address): its defaults must be the MediaHost's inbound-policy
/// defaults, so a caller is held to the same limits whether it reaches a MediaHost directly or through the front door.
/// The limits' behaviour is tested with the real Kamailio in tests/System.Tests/FrontDoor.
/// </summary>
public sealed partial class FrontDoorLimitsTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Defaults = new(() =>
        DefineDefault().Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "kamailio", "kamailio.cfg")))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value));

    private static readonly SipOptions MediaHost = new();

    private static int Default(string name) => int.Parse(Defaults.Value[name], CultureInfo.InvariantCulture);

    [Fact]
    public void Request_flood_limit_is_the_MediaHost_requests_per_minute()
    {
        // pike counts per 2-second unit (sampling_time_unit 2): 30 units a minute.
        Assert.Equal(MediaHost.MaxRequestsPerMinute, Default("REQUESTS_PER_2S") * 30);
        Assert.Contains("modparam(\"pike\", \"sampling_time_unit\", 2)", File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "kamailio", "kamailio.cfg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Call_rate_limits_are_the_MediaHost_calls_per_minute_and_per_hour()
    {
        Assert.Equal(MediaHost.MaxCallsPerMinute, Default("CALLS_PER_MINUTE"));
        Assert.Equal(MediaHost.MaxCallsPerHour, Default("CALLS_PER_HOUR"));
    }

    [Fact]
    public void Ban_lasts_as_long_as_the_MediaHost_ban()
    {
        Assert.Equal(MediaHost.BanMinutes * 60, Default("BAN_SECONDS"));
    }

    [GeneratedRegex(@"^#!ifndef (?<name>[A-Z0-9_]+)\r?\n#!define \k<name> (?<value>\S+)", RegexOptions.Multiline)]
    private static partial Regex DefineDefault();
}
