using VoiceFunctions.Shared.Telephony.Deployment.Agents;

namespace VoiceFunctions.Shared.Tests.Telephony.Agents;

public sealed class AgentCatalogTests
{
    private static AgentCatalog Catalog()
    {
        var result = AgentFileLoader.Load(AgentYaml.TwoNumbers, _ => null);
        Assert.True(result.Catalog is not null, string.Join("\n", result.Diagnostics));
        return result.Catalog;
    }

    [Fact]
    public void Profile_inherits_what_it_leaves_out_from_the_default_agent()
    {
        var sales = Catalog().Profiles.Single(p => p.Id == "sales");

        Assert.Equal("en-US", sales.Language);
        Assert.Equal("You help {{first_name}}.", sales.Prompt);
        Assert.Equal("Hello {{first_name}}, this is sales.", sales.Greeting);
        Assert.Equal("there", sales.Variables["first_name"]);
        Assert.Equal([new AgentTransfer("operator", "sip:operator@example.com")], sales.TransferTargets);
        Assert.Equal(new AgentRecordingPolicy(true, "This call is recorded."), sales.Recording);
    }

    [Fact]
    public void Profile_lists_replace_the_default_agents_as_a_whole()
    {
        var support = Catalog().Profiles.Single(p => p.Id == "support");

        Assert.Empty(support.TransferTargets!);
        Assert.Equal(["order_id"], support.Variables.Keys);
        Assert.Null(support.Variables["order_id"]);
        Assert.Equal(AgentRecordingPolicy.Off, support.Recording);
    }

    [Theory]
    [InlineData("+15550001001", "sales")]
    [InlineData("15550001001", "sales")]
    [InlineData("sip:+15550001001@10.0.0.1;user=phone", "sales")]
    [InlineData("84950000002", "support")]
    [InlineData("+74950000002", "support")]
    [InlineData("+15559999999", "default")]
    [InlineData("agent", "default")]
    [InlineData(null, "default")]
    public void Number_in_any_written_form_chooses_its_profile_and_any_other_the_default_agent(string? number, string expected)
    {
        Assert.Equal(expected, Catalog().For(number).Id);
    }
}
