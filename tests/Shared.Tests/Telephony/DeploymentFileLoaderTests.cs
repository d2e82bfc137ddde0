using VoiceFunctions.Shared.Telephony.Deployment.Model;
using VoiceFunctions.Shared.Telephony.Deployment.Parsing;
using static VoiceFunctions.Shared.Tests.Telephony.DeploymentFixtures;

namespace VoiceFunctions.Shared.Tests.Telephony;

public class DeploymentFileLoaderTests
{
    private const string Routed = """
        inbound_trunks:
          - name: provider
            numbers: ["+79952227978"]
            allowed_addresses: [192.0.2.0/28]
        dispatch_rules:
          - name: all
            type: individual
            room_prefix: call-
            trunks: [provider]

        """;

    [Fact]
    public void A_complete_file_is_valid_and_keeps_positions_of_values()
    {
        var document = Load(Header + Routed);

        Assert.True(document.IsValid, Codes(document));
        Assert.Empty(document.Diagnostics);
        var trunk = Assert.Single(document.File!.InboundTrunks);
        Assert.Equal(new SourcePosition(10, 15), trunk.Numbers[0].Position);
        Assert.Equal(DispatchRuleType.Individual, document.File.DispatchRules[0].Type!.Value);
        Assert.Equal("APItestkey", document.File.LiveKit!.ApiKey!.Resolve(Credentials.GetValueOrDefault));
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var document = Load(Header + """
            inbound_trunks:
              - name: provider
                numbrs: ["+79952227978"]
                krisp: yes
                allowed_addresses: [10.0.0.1/8]
            dispatch_rules:
              - name: all
                type: individul

            """);

        Assert.False(document.IsValid);
        Assert.Equal("10:5:VC002 11:12:VC003 12:25:VC007 15:11:VC019", string.Join(" ",
            document.Diagnostics.Where(d => d.IsError).Select(d => $"{d.Position}:{d.Code}")));
        Assert.Contains("did you mean 'numbers'", document.Diagnostics[0].Message);
        Assert.Contains("did you mean 10.0.0.0/8", document.Diagnostics.Single(d => d.Code == DiagnosticCodes.InvalidAddress).Message);
        Assert.Contains("did you mean 'individual'", document.Diagnostics.Single(d => d.Code == DiagnosticCodes.InvalidValue).Message);
    }

    [Fact]
    public void Variables_and_defaults_are_expanded_and_a_missing_one_is_named()
    {
        var env = new Dictionary<string, string>(Credentials) { ["LK_HOST"] = "lk.internal" };
        var document = Load("""
            version: 1
            mode: ${MODE:-development}
            livekit:
              url: wss://${LK_HOST}:7880
              api_key: ${LIVEKIT_API_KEY}
              api_secret: ${LIVEKIT_API_SECRET}
            webhook:
              url: ${WEBHOOK_URL}
            """, env);

        Assert.Equal("wss://lk.internal:7880", document.File!.LiveKit!.Url!.Value);
        Assert.Equal(DeploymentMode.Development, document.File.Mode);
        var missing = Assert.Single(document.Diagnostics);
        Assert.Equal(DiagnosticCodes.MissingVariable, missing.Code);
        Assert.Equal(new SourcePosition(8, 8), missing.Position);
        Assert.Contains("WEBHOOK_URL", missing.Message);
    }

    [Fact]
    public void An_inline_secret_is_an_error_that_does_not_repeat_the_secret()
    {
        var document = Load("""
            version: 1
            livekit:
              url: wss://lk.example.com
              api_key: ${LIVEKIT_API_KEY}
              api_secret: s3cr3t-value-typed-inline
            """);

        var error = document.Diagnostics.Single(d => d.Code == DiagnosticCodes.InlineSecret);
        Assert.Equal(new SourcePosition(5, 15), error.Position);
        Assert.DoesNotContain("s3cr3t", error.ToString() + error.Explanation);
    }

    [Fact]
    public void A_secret_with_a_default_is_an_inline_secret()
    {
        var document = Load("""
            version: 1
            livekit:
              url: wss://lk.example.com
              api_key: ${LIVEKIT_API_KEY}
              api_secret: ${LIVEKIT_API_SECRET:-devsecret}
            """);

        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.InlineSecret && !d.ToString().Contains("devsecret"));
    }

    [Fact]
    public void Missing_required_keys_are_reported_at_their_mapping()
    {
        var document = Load("version: 1\nlivekit:\n  url: wss://lk.example.com\n");

        Assert.Equal("2:1:VC004 2:1:VC004", Codes(document));
        Assert.Contains(document.Diagnostics, d => d.Message.Contains("'api_key'"));
        Assert.Contains(document.Diagnostics, d => d.Message.Contains("'api_secret'"));
    }

    [Fact]
    public void Broken_yaml_is_one_syntax_error_with_its_position()
    {
        var document = Load("version: 1\nlivekit: [\n  url: x\n");

        var error = Assert.Single(document.Diagnostics);
        Assert.Equal(DiagnosticCodes.YamlSyntax, error.Code);
        Assert.Null(document.File);
        Assert.True(error.Position.Line >= 2);
    }

    [Fact]
    public void Out_of_range_and_wrongly_typed_settings_name_the_key()
    {
        var document = Load(Header + """
            media_host:
              sip_address: mh.example.com:5060
              sip_port: 70000
              max_concurrent_calls: many
              codecs: PCMU

            """);

        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.InvalidValue && d.Message.Contains("'sip_port' must be between 1 and 65535"));
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.Message.Contains("'max_concurrent_calls' must be a whole number, found 'many'"));
        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.WrongType && d.Message.Contains("'codecs' must be a list"));
    }
}
