using VoiceFunctions.Shared.Telephony.Deployment.Parsing;
using static VoiceFunctions.Shared.Tests.Telephony.DeploymentFixtures;

namespace VoiceFunctions.Shared.Tests.Telephony;

public class DeploymentValidationTests
{
    private static Diagnostic Single(string yaml, string code) =>
        Assert.Single(Load(Header + yaml).Diagnostics, d => d.Code == code);

    [Fact]
    public void The_same_number_on_two_inbound_trunks_explains_the_503_it_causes()
    {
        var error = Single("""
            inbound_trunks:
              - {name: a, numbers: ["+79952227978"], allowed_addresses: [192.0.2.1]}
              - {name: b, numbers: ["89952227978"], allowed_addresses: [192.0.2.2]}
            dispatch_rules:
              - {name: r, type: individual}
            """, DiagnosticCodes.DuplicateInboundNumber);

        Assert.Equal(new SourcePosition(10, 25), error.Position);
        Assert.Contains("'a' and 'b'", error.Message);
        Assert.Contains("Multiple SIP Trunks matched", error.Explanation);
        Assert.Contains("auth check failed", error.Explanation);
        Assert.Contains("503", error.Explanation);
    }

    [Fact]
    public void Trunks_sharing_a_number_but_with_disjoint_callers_are_not_ambiguous()
    {
        var document = Load(Header + """
            inbound_trunks:
              - {name: a, numbers: ["+79952227978"], allowed_numbers: ["+79990000001"], allowed_addresses: [192.0.2.1]}
              - {name: b, numbers: ["+79952227978"], allowed_numbers: ["+79990000002"], allowed_addresses: [192.0.2.1]}
            dispatch_rules:
              - {name: r, type: individual}
            """);

        Assert.DoesNotContain(document.Diagnostics, d => d.Code == DiagnosticCodes.DuplicateInboundNumber);
    }

    [Fact]
    public void A_number_no_rule_takes_is_reported_as_dropped_without_final_response()
    {
        var error = Single("""
            inbound_trunks:
              - {name: a, numbers: ["+79952227978"], allowed_addresses: [192.0.2.1]}
              - {name: b, numbers: ["+79952227979"], allowed_addresses: [192.0.2.1]}
            dispatch_rules:
              - {name: r, type: individual, trunks: [a]}
            """, DiagnosticCodes.NumberNotDispatched);

        Assert.Contains("+79952227979", error.Message);
        Assert.Contains("no final SIP response", error.Explanation);
    }

    [Fact]
    public void A_rule_for_a_number_its_trunks_do_not_serve_can_never_match()
    {
        var document = Load(Header + """
            inbound_trunks:
              - {name: a, numbers: ["+79952227978"], allowed_addresses: [192.0.2.1]}
            dispatch_rules:
              - {name: wide, type: individual, trunks: [a]}
              - {name: never, type: direct, room_name: x, trunks: [a], numbers: ["+79990000000"]}
            """);

        var error = Assert.Single(document.Diagnostics, d => d.Code == DiagnosticCodes.RuleNeverMatches);
        Assert.Contains("'never' can never match +79990000000", error.Message);
    }

    [Fact]
    public void Two_rules_for_the_same_trunk_and_numbers_overlap()
    {
        var error = Single("""
            inbound_trunks:
              - {name: a, numbers: ["+79952227978"], allowed_addresses: [192.0.2.1]}
            dispatch_rules:
              - {name: one, type: individual, trunks: [a]}
              - {name: two, type: callee, trunks: [a]}
              - {name: wildcard, type: individual}
            """, DiagnosticCodes.RulesOverlap);

        Assert.Contains("'one' and 'two'", error.Message);
    }

    [Fact]
    public void An_open_trunk_without_auth_warns_of_toll_fraud()
    {
        var document = Load(Header + """
            inbound_trunks:
              - {name: open, numbers: ["+79952227978"], allowed_addresses: [0.0.0.0/0]}
              - {name: unlisted, numbers: ["+79952227979"]}
              - name: protected
                numbers: ["+79952227970"]
                auth: {username: "${SIP_USER}", password: "${SIP_PASSWORD}"}
            dispatch_rules:
              - {name: r, type: individual}
            """);

        var warnings = document.Diagnostics.Where(d => d.Code == DiagnosticCodes.OpenTrunkWithoutAuth).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.All(warnings, w => Assert.Equal(DiagnosticSeverity.Warning, w.Severity));
        Assert.All(warnings, w => Assert.Contains("Toll-fraud", w.Explanation));
        Assert.True(document.IsValid);
    }

    [Fact]
    public void An_http_webhook_is_an_error_in_production_only()
    {
        const string Body = """
            version: 1
            mode: MODE
            livekit: {url: "wss://lk.example.com", api_key: "${LIVEKIT_API_KEY}", api_secret: "${LIVEKIT_API_SECRET}"}
            webhook: {url: "http://fn.example.com/api/livekit/webhook"}
            """;

        Assert.Contains(Load(Body.Replace("MODE", "production")).Diagnostics, d => d.Code == DiagnosticCodes.InsecureWebhook);
        Assert.Empty(Load(Body.Replace("MODE", "development")).Diagnostics);
    }

    [Fact]
    public void Unsupported_codecs_and_sip_prefixed_addresses_are_errors_with_the_fix()
    {
        var document = Load(Header + """
            outbound_trunks:
              - name: mh
                address: sip:mh.example.com:5060
                auth: {username: "${SIP_USER}", password: "${SIP_PASSWORD}"}
            media_host:
              sip_address: mh.example.com:5060
              codecs: [G729, pcmu, opsu]
            """);

        Assert.Contains(document.Diagnostics, d => d.Code == DiagnosticCodes.InvalidAddress && d.Explanation!.Contains("'mh.example.com:5060'"));
        var codecs = document.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnsupportedCodec).ToArray();
        Assert.Equal(2, codecs.Length);
        Assert.Contains("did you mean 'opus'", codecs[1].Message);
    }

    [Fact]
    public void Outbound_trunk_without_credentials_is_a_warning()
    {
        var warning = Single("""
            outbound_trunks:
              - {name: provider-out, address: sip.provider.example}
            """, DiagnosticCodes.OutboundWithoutCredentials);

        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("missing credentials", warning.Explanation);
    }

    [Fact]
    public void Bridge_config_keys_the_bridge_ignores_are_explained()
    {
        var document = Load(Header + """
            sip_bridge:
              redis: {address: "redis:6379"}
              sip_trunks: []
              log_level: debug
              audio_codecs: [PCMU]
              webhooks: {url: "https://x.example"}
            """);

        var ignored = document.Diagnostics.Where(d => d.Code == DiagnosticCodes.BridgeIgnoresKey).ToArray();
        Assert.Equal(4, ignored.Length);
        Assert.Contains("livekit.SIP API", ignored[0].Explanation);
        Assert.Contains("logging.level", ignored[1].Explanation);
        Assert.Contains("codecs:", ignored[2].Explanation);
        Assert.Contains("livekit-server", ignored[3].Explanation);
    }

    [Fact]
    public void Non_canonical_numbers_are_shown_in_E164()
    {
        var warning = Single("""
            inbound_trunks:
              - {name: a, numbers: ["89952227978"], allowed_addresses: [192.0.2.1]}
            dispatch_rules:
              - {name: r, type: individual}
            """, DiagnosticCodes.NumberShownNormalised);

        Assert.Equal("'89952227978' is read as +79952227978", warning.Message);
    }

    [Fact]
    public void Room_metadata_and_agent_dispatch_are_accepted_without_any_diagnostic()
    {
        var diagnostics = Load(Header + """
            dispatch_rules:
              - name: r
                type: individual
                room_metadata: '{"lang":"ru"}'
                agent: {name: voice-agent, metadata: m}
            """).Diagnostics;

        Assert.DoesNotContain(diagnostics, d => d.Message.Contains("room_metadata", StringComparison.Ordinal) || d.Message.Contains("agent", StringComparison.Ordinal));
    }

    [Fact]
    public void A_rule_for_callers_its_trunks_refuse_can_never_match()
    {
        var error = Single("""
            inbound_trunks:
              - {name: a, numbers: ["+79952227978"], allowed_numbers: ["+79990000001"], allowed_addresses: [192.0.2.1]}
            dispatch_rules:
              - {name: wide, type: individual, trunks: [a]}
              - {name: vip, type: direct, room_name: vip, trunks: [a], caller_numbers: ["+79990000002"]}
            """, DiagnosticCodes.RuleNeverMatches);

        Assert.Contains("'vip' can never match", error.Message);
    }
}
