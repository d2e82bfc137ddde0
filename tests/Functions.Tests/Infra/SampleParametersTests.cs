using System.Security.Cryptography;
using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Infra;

/// <summary>infra.sample.bicepparam sets every required parameter and takes every secret from the environment.</summary>
public sealed class SampleParametersTests
{
    private static readonly string[] SecretVariables = ["LIVEKIT_API_SECRET", "SIP_AUTH_PASSWORD", "ALERT_WEBHOOK_URL", "AGENT_EVENTS_SECRET", "CALLS_API_KEY", "REGISTRY_PASSWORD"];

    private static string SampleFile => Path.Combine(RepoPaths.Root, "infra.sample.bicepparam");

    [SkippableFact]
    public void Sample_parameters_compile_and_lint_clean_with_the_secrets_from_the_environment()
    {
        BicepCli.Require();
        var environment = SecretVariables.ToDictionary(v => v, _ => (string?)Convert.ToHexString(RandomNumberGenerator.GetBytes(24)));

        var build = BicepCli.Run(environment, "build-params", SampleFile, "--stdout");
        Assert.True(build.ExitCode == 0, build.StandardError);
        Assert.Empty(build.Diagnostics);
        var lint = BicepCli.Run(environment, "lint", SampleFile);
        Assert.True(lint.ExitCode == 0, lint.StandardError);
        Assert.Empty(lint.Diagnostics);

        var parameters = JsonNode.Parse(JsonNode.Parse(build.StandardOutput)!["parametersJson"]!.GetValue<string>())!["parameters"]!.AsObject();
        Assert.Equal(environment["LIVEKIT_API_SECRET"], (string?)parameters["liveKitApiSecret"]?["value"]);
        Assert.Equal(environment["SIP_AUTH_PASSWORD"], (string?)parameters["sipAuthPassword"]?["value"]);
    }

    [SkippableFact]
    public void Sample_parameters_refuse_to_compile_when_a_secret_is_not_in_the_environment()
    {
        BicepCli.Require();
        var environment = SecretVariables.ToDictionary(v => v, _ => (string?)new string('x', 40));
        environment["LIVEKIT_API_SECRET"] = null;

        var build = BicepCli.Run(environment, "build-params", SampleFile, "--stdout");

        Assert.NotEqual(0, build.ExitCode);
        Assert.Contains("LIVEKIT_API_SECRET", build.StandardError, StringComparison.Ordinal);
    }
}
