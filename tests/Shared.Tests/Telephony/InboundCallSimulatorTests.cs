using System.Net;
using VoiceFunctions.Shared.Telephony.Routing;

namespace VoiceFunctions.Shared.Tests.Telephony;

public class InboundCallSimulatorTests
{
    private static RoutingTrunk Trunk(string id, string[] numbers, string[]? addresses = null, string[]? callers = null) =>
        new(id, id, numbers, addresses ?? [], callers ?? [], false);

    private static RoutingRule Rule(string id, string[]? trunks = null, string[]? numbers = null, string[]? callers = null) =>
        new(id, id, trunks ?? [], numbers ?? [], callers ?? [], false);

    [Fact]
    public void A_number_specific_trunk_beats_the_default_trunk()
    {
        var result = InboundCallSimulator.Simulate([Trunk("default", []), Trunk("ru", ["+79952227978"])], [Rule("r")],
            "79952227978", "+79990000000", IPAddress.Parse("192.0.2.1"));

        Assert.Equal(TrunkMatchOutcome.Matched, result.Outcome);
        Assert.Equal("ru", result.Trunk!.Id);
        Assert.True(result.ReachesRoom);
    }

    [Fact]
    public void Two_trunks_with_the_number_are_ambiguous()
    {
        var result = InboundCallSimulator.Simulate([Trunk("a", ["+79952227978"]), Trunk("b", ["+79952227978"])], [Rule("r")],
            "+79952227978", null, null);

        Assert.Equal(TrunkMatchOutcome.AmbiguousNumber, result.Outcome);
        Assert.False(result.ReachesRoom);
    }

    [Fact]
    public void A_source_outside_the_allowed_cidr_falls_through_to_no_trunk()
    {
        var result = InboundCallSimulator.Simulate([Trunk("a", ["+79952227978"], ["192.0.2.0/28"])], [Rule("r", trunks: ["a"])],
            "+79952227978", null, IPAddress.Parse("198.51.100.7"));

        Assert.Equal(TrunkMatchOutcome.NoTrunk, result.Outcome);
        Assert.Empty(result.Rules);
        Assert.Contains("does not allow address 198.51.100.7", result.Reasons[0]);
    }

    [Fact]
    public void Dispatch_numbers_are_compared_exactly_unlike_trunk_numbers()
    {
        var result = InboundCallSimulator.Simulate([Trunk("a", ["+79952227978"])], [Rule("r", numbers: ["+79952227978"])],
            "79952227978", null, null);

        Assert.Equal(TrunkMatchOutcome.Matched, result.Outcome);
        Assert.Empty(result.Rules);
    }

    [Fact]
    public void A_rule_naming_the_trunk_is_preferred_to_a_wildcard_rule()
    {
        var result = InboundCallSimulator.Simulate([Trunk("a", ["+79952227978"])], [Rule("wild"), Rule("named", trunks: ["a"])],
            "+79952227978", null, null);

        Assert.Equal(["named", "wild"], result.Rules.Select(r => r.Id));
    }
}
