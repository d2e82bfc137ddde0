using VoiceFunctions.Shared.Telephony.Deployment;
using VoiceFunctions.Shared.Telephony.Deployment.Agents;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;

namespace VoiceFunctions.Shared.Tests.Telephony.Agents;

/// <summary>The MediaHost reads only the agents section, with the checks voicectl sip validate runs.</summary>
public sealed class AgentFileLoaderTests
{
    [Fact]
    public void File_without_an_agents_section_leaves_every_call_to_the_hosts_own_settings()
    {
        var result = AgentFileLoader.Load("version: 1\nlivekit: {url: wss://lk.example.com}\n", _ => null);

        Assert.Same(AgentCatalog.HostDefaults, result.Catalog);
    }

    [Fact]
    public void Other_sections_are_not_the_MediaHosts_and_their_problems_do_not_refuse_the_agents()
    {
        // No livekit section and an unset credential variable: voicectl reports both; the MediaHost does not read them.
        var text = "version: 1\ninbound_trunks:\n  - name: t\n    auth:\n      username: u\n      password: ${UNSET}\n" + AgentYaml.TwoNumbers;

        var result = AgentFileLoader.Load(text, _ => null);

        Assert.True(result.Catalog is not null, string.Join("\n", result.Diagnostics));
        Assert.False(DeploymentFileLoader.Load(text, "voice.yaml", _ => null).IsValid);
    }

    [Fact]
    public void Agents_section_with_an_error_gives_no_catalog_and_the_error_at_its_line()
    {
        var text = AgentYaml.TwoNumbers.Replace("language: ru-RU", "language: ru_RU");

        var result = AgentFileLoader.Load(text, _ => null);

        Assert.Null(result.Catalog);
        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.InvalidLanguage, error.Code);
        Assert.Equal(17, error.Position.Line);
    }

    [Fact]
    public void Placeholder_a_profile_inherits_is_checked_against_the_variables_the_profile_declares()
    {
        // support declares its own variables, so the default's {{first_name}} greeting would be left unfilled there.
        var text = AgentYaml.TwoNumbers.Replace("      greeting: \"Здравствуйте, это поддержка.\"\n", "");

        var result = AgentFileLoader.Load(text, _ => null);

        var error = Assert.Single(result.Errors);
        Assert.Equal(DiagnosticCodes.UndeclaredPlaceholder, error.Code);
        Assert.StartsWith("placeholder {{first_name}}", error.Message);
    }
}
