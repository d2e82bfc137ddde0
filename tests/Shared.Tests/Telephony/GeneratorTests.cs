using VoiceFunctions.Shared.Telephony.Deployment.Generation;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.Shared.Tests.Telephony.DeploymentFixtures;

namespace VoiceFunctions.Shared.Tests.Telephony;

public class GeneratorTests
{
    [Fact]
    public void Committed_json_schema_equals_the_one_generated_from_the_model()
    {
        var committed = File.ReadAllText(Path.Combine(RepoPaths.Root, "schema", "voice.schema.json"));

        Assert.True(committed == JsonSchemaGenerator.Generate(),
            "schema/voice.schema.json is stale: run `voicectl sip schema -o schema/voice.schema.json` and commit it.");
    }

    [Fact]
    public void Bridge_config_holds_only_keys_the_bridge_reads_and_no_secret_by_default()
    {
        var document = Load(Header + """
            sip_bridge:
              redis: {address: "redis.internal:6379", password: "${REDIS_PASSWORD}", db: 2}
              rtp_port: "12000-12999"
              codecs: [PCMA, opus]
              logging: {level: debug}
            """, new Dictionary<string, string>(Credentials) { ["REDIS_PASSWORD"] = "redis-pass-for-test" });

        var yaml = SipBridgeConfigGenerator.Generate(document.File!, secrets: null);

        var topKeys = yaml.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith(' ')).Select(l => l[..l.IndexOf(':')]);
        Assert.Equal(["ws_url", "redis", "sip_port", "rtp_port", "codecs", "logging"], topKeys);
        Assert.Contains("rtp_port: \"12000-12999\"", yaml);
        Assert.Contains("\"PCMA/8000\": true", yaml);
        Assert.Contains("\"PCMU/8000\": false", yaml);
        Assert.Contains("\"opus/48000/2\": true", yaml);
        Assert.Contains("  level: debug", yaml);
        Assert.Contains("  db: 2", yaml);
        Assert.DoesNotContain("test-secret", yaml);
        Assert.DoesNotContain("redis-pass-for-test", yaml);
    }

    [Fact]
    public void Bridge_config_with_secrets_writes_the_resolved_credentials()
    {
        var document = Load(Header);

        var yaml = SipBridgeConfigGenerator.Generate(document.File!, Credentials.GetValueOrDefault);

        Assert.Contains("api_key: \"APItestkey\"", yaml);
        Assert.Contains("api_secret: \"test-secret-made-for-this-run-only\"", yaml);
    }

    [Fact]
    public void The_sample_deployment_file_is_valid()
    {
        var sample = Path.Combine(RepoPaths.Root, "docs", "voice.sample.yaml");
        var document = VoiceFunctions.Shared.Telephony.Deployment.DeploymentFileLoader.LoadFile(sample,
            name => name.StartsWith("LIVEKIT_URL") ? null : "value-for-" + name);

        Assert.True(document.IsValid, string.Join("\n", document.Diagnostics));
        Assert.Empty(document.Diagnostics);
        Assert.Equal("ru-RU", document.File!.MediaHost!.Language);
    }
}
