using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>A call's caller ID ("from") must be one of our configured outbound numbers (Outbound:CallerIds).</summary>
public sealed class OutboundCallerIdTests
{
    [SkippableFact]
    public async Task A_from_that_is_not_one_of_our_outbound_numbers_is_refused_and_nothing_is_dialled()
    {
        await using var harness = await OutboundHarness.StartAsync();

        var (status, text) = await harness.PlaceAsync(new PlaceCallRequest { To = "+15550001111", From = "+15559990000" });

        Assert.Equal(400, status);
        Assert.Equal("from: not one of our outbound numbers (Outbound:CallerIds)", text);
        Assert.Empty(harness.Rig.LiveKit.State.GetDials());
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData("+15550002222", "")]
    [InlineData("+15550003333", "from: not one of our outbound numbers (Outbound:CallerIds)")]
    [InlineData("0015550002222", "from: must be an E.164 number such as +15550002222 (or left out for the trunk's default)")]
    public void A_from_is_checked_against_the_configured_caller_ids(string? from, string problem) =>
        Assert.Equal(problem, PlaceCallValidator.FromProblem(from, ["+15550002222"]) ?? "");

    [Fact]
    public void Without_configured_caller_ids_a_from_is_refused_with_the_setting_to_configure() =>
        Assert.Equal("from: no caller IDs are configured (Outbound:CallerIds); leave from out to use the trunk's default",
            PlaceCallValidator.FromProblem("+15550002222", []));

    [Fact]
    public void A_configured_caller_id_that_is_not_E164_fails_the_options_validation()
    {
        var options = new OutboundOptions { Mode = OutboundMode.Direct, MediaHostUrl = new Uri("http://127.0.0.1:9"), CallerIds = ["+15550002222", "5550003333"] };
        var problems = options.Validate(new System.ComponentModel.DataAnnotations.ValidationContext(options)).Select(p => p.ErrorMessage).ToList();
        Assert.Equal(["Outbound:CallerIds:1 must be an E.164 number such as +15550002222"], problems);
    }
}
