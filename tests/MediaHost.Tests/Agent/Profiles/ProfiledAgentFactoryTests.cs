using VoiceFunctions.MediaHost.Agent;
using VoiceFunctions.MediaHost.Agent.Profiles;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Outbound;

namespace VoiceFunctions.MediaHost.Tests.Agent.Profiles;

/// <summary>The chosen agent's settings for one call: language, greeting and prompt with the call's variables and
/// caller context, transfer target; the host's shared settings stay as they are.</summary>
public sealed class ProfiledAgentFactoryTests
{
    private static InboundCall Outbound(string from, params (string Name, string Value)[] variables)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { [OutboundCallHeaders.Direction] = "outbound" };
        foreach (var (name, value) in variables)
        {
            headers[OutboundCallHeaders.VariablePrefix + name] = value;
        }
        return new InboundCall("sip-1", from, "+15557654321", headers, "PCMU/8000");
    }

    [Fact]
    public void Greeting_and_prompt_take_the_calls_variables_and_the_caller_context()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        files.Store.LoadAtStart();
        var profile = files.Selector.Choose(Outbound("+15550000002", ("first_name", "Ada")));
        var missing = new List<string>();

        var options = files.Factory.OptionsFor(profile, """{"tier":"gold"}""", missing);

        Assert.Equal("Hello Ada, this is sales.", options.Phrases.Greeting);
        Assert.Equal("""You sell to Ada. Known: {"tier":"gold"}""", options.SystemPrompt);
        Assert.Equal("sip:desk@example.com", options.TransferTarget);
        Assert.Empty(missing);
        Assert.Equal("", files.Host.Phrases.Greeting);
        Assert.Equal("", files.Host.TransferTarget);
    }

    [Fact]
    public void Variable_the_call_does_not_give_takes_its_default()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        files.Store.LoadAtStart();
        var profile = files.Selector.Choose(Outbound("+15550000002"));

        var options = files.Factory.OptionsFor(profile, null, []);

        Assert.Equal("Hello there, this is sales.", options.Phrases.Greeting);
        Assert.Equal("You sell to there. Known: ", options.SystemPrompt);
    }

    [Fact]
    public void Caller_context_goes_after_a_prompt_that_does_not_place_it()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents);
        files.Store.LoadAtStart();
        var profile = files.Selector.Choose(Outbound("+15550000003"));

        var options = files.Factory.OptionsFor(profile, """{"name":"Ivan"}""", []);

        Assert.Equal("ru-RU", options.Language);
        Assert.Equal("Здравствуйте, это поддержка.", options.Phrases.Greeting);
        Assert.EndsWith(ProfiledAgentFactory.CallerContextHeading + """{"name":"Ivan"}""", options.SystemPrompt);
        Assert.StartsWith(AgentPhrases.For("ru-RU", new AgentPhrasesOptions(), "").SystemPrompt, options.SystemPrompt);
    }

    [Fact]
    public void Variable_without_default_that_the_call_leaves_out_is_left_out_of_the_text_and_reported()
    {
        using var files = new ProfileFiles(ProfileFiles.TwoAgents.Replace("- {name: first_name, default: there}", "- {name: first_name}"));
        files.Store.LoadAtStart();
        var profile = files.Selector.Choose(Outbound("+15550000002"));
        var missing = new List<string>();

        var options = files.Factory.OptionsFor(profile, null, missing);

        Assert.Equal("Hello , this is sales.", options.Phrases.Greeting);
        Assert.Equal(["first_name"], missing);
    }
}
