using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using VoiceFunctions.Shared.Configuration;
using VoiceFunctions.Shared.Observability;

namespace VoiceFunctions.Functions.Tests.Infra;

/// <summary>infra.bicep compiles and lints clean, and provides what the code needs without leaking secrets.</summary>
public sealed class InfraTemplateTests(CompiledInfraTemplate infra) : IClassFixture<CompiledInfraTemplate>
{
    [SkippableFact]
    public void Template_builds_with_no_errors_or_warnings()
    {
        var build = infra.Build;
        Assert.True(build.ExitCode == 0, "bicep build failed:\n" + build.StandardError);
        Assert.Empty(build.Diagnostics);
    }

    [SkippableFact]
    public void Template_lints_with_no_findings()
    {
        var lint = infra.Lint;
        Assert.Empty(lint.Diagnostics);
        Assert.True(lint.ExitCode == 0, "bicep lint failed:\n" + lint.StandardError);
    }

    [SkippableFact]
    public void Call_recordings_are_deleted_by_a_lifecycle_rule_after_the_retention_days_parameter_and_their_container_is_private()
    {
        var rule = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Storage/storageAccounts/managementPolicies");
        var definition = rule["properties"]!["policy"]!["rules"]![0]!["definition"]!;
        Assert.Equal("[parameters('recordingRetentionDays')]", (string?)definition["actions"]!["baseBlob"]!["delete"]!["daysAfterCreationGreaterThan"]);
        Assert.Equal("[format('{0}/', parameters('recordingsContainerName'))]", (string?)definition["filters"]!["prefixMatch"]![0]);
        var container = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Storage/storageAccounts/blobServices/containers"
            && ((string?)r["name"] ?? "").Contains("recordingsContainerName", StringComparison.Ordinal));
        Assert.Equal("None", (string?)container["properties"]!["publicAccess"]);
        Assert.Equal(90, (int)infra.Template["parameters"]!["recordingRetentionDays"]!["defaultValue"]!);
    }

    [SkippableFact]
    public void Every_setting_the_control_plane_reads_is_provided_by_the_template()
    {
        var provided = FunctionAppSettings().Keys.ToHashSet(StringComparer.Ordinal);
        var missing = ControlPlaneSettings.All.Where(name => !provided.Contains(name)).ToArray();
        Assert.True(missing.Length == 0, "infra.bicep does not set: " + string.Join(", ", missing));
    }

    [SkippableFact]
    public void Secret_settings_are_Key_Vault_references_never_plain_values()
    {
        var settings = FunctionAppSettings();
        foreach (var name in ControlPlaneSettings.Secrets)
        {
            Assert.True(settings.TryGetValue(name, out var value), name + " is not set");
            Assert.Contains("@Microsoft.KeyVault(", value, StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public void Function_app_runs_dotnet_isolated_10_on_flex_consumption_with_an_always_ready_http_instance()
    {
        var plan = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Web/serverfarms");
        Assert.Equal("FC1", (string?)plan["sku"]?["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]?["tier"]);

        var config = FunctionApp()["properties"]?["functionAppConfig"];
        Assert.Equal("dotnet-isolated", (string?)config?["runtime"]?["name"]);
        Assert.Equal("10.0", (string?)config?["runtime"]?["version"]);
        var alwaysReady = Assert.IsType<JsonArray>(config?["scaleAndConcurrency"]?["alwaysReady"]);
        Assert.Contains(alwaysReady, group => (string?)group?["name"] == "http");
        Assert.Equal("SystemAssigned", (string?)FunctionApp()["identity"]?["type"]);
    }

    [SkippableFact]
    public void Function_app_identity_is_granted_Key_Vault_Secrets_User_on_the_vault()
    {
        const string keyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
        var module = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == "functionapp");
        var template = module["properties"]!["template"]!.AsObject();
        var roles = template["variables"]?["roles"]?.AsObject() ?? [];
        var grants = template["resources"]!.AsArray().OfType<JsonObject>()
            .Where(r => Type(r) == "Microsoft.Authorization/roleAssignments"
                        && (r["scope"]?.ToString() ?? "").Contains("Microsoft.KeyVault/vaults", StringComparison.Ordinal)
                        && (r["properties"]?["principalId"]?.ToString() ?? "").Contains("Microsoft.Web/sites", StringComparison.Ordinal))
            .Select(r => Regex.Match(r["properties"]!["roleDefinitionId"]!.ToString(), @"variables\('roles'\)\.(\w+)").Groups[1].Value)
            .Select(role => (string?)roles[role])
            .ToArray();
        Assert.Contains(keyVaultSecretsUser, grants);
    }

    [SkippableFact]
    public void MediaHost_drain_fits_in_the_grace_period_Container_Instances_gives_after_SIGTERM()
    {
        var parameter = infra.Template["parameters"]!["mediaHostDrainTimeoutSeconds"]!;
        Assert.Equal(20, (int)parameter["defaultValue"]!);
        // ACI kills about 30 s after SIGTERM; the drain, the BYEs' answers (up to 4 s) and the exit must fit.
        Assert.True((int)parameter["maxValue"]! + 5 <= 30);
        var module = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == "mediahost");
        var environment = module["properties"]!["parameters"]!["plainEnvironment"]!["value"]!.AsObject();
        Assert.Contains("mediaHostDrainTimeoutSeconds", environment["Sip__DrainTimeoutSeconds"]!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void MediaHost_refuses_new_calls_when_its_cores_are_busy_in_Azure()
    {
        // The code's default is off (tests share busy machines); a deployed MediaHost must admit by CPU.
        var parameter = infra.Template["parameters"]!["mediaHostMaxCpuPercent"]!;
        Assert.InRange((int)parameter["defaultValue"]!, 50, 95);
        var module = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == "mediahost");
        var environment = module["properties"]!["parameters"]!["plainEnvironment"]!["value"]!.AsObject();
        Assert.Contains("mediaHostMaxCpuPercent", environment["Sip__MaxCpuPercent"]!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void No_output_carries_a_secret_or_a_key()
    {
        var secureParameters = SecureParameterNames(infra.Template);
        foreach (var (name, value) in infra.AllOutputs())
        {
            var text = value?.ToJsonString() ?? "";
            Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("ConnectionString", text, StringComparison.OrdinalIgnoreCase);
            foreach (var parameter in secureParameters)
            {
                Assert.False(text.Contains($"parameters('{parameter}')", StringComparison.Ordinal), $"output {name} exposes secure parameter {parameter}");
            }
        }
    }

    [SkippableFact]
    public void Secure_parameters_reach_modules_only_through_secure_module_parameters()
    {
        // A secret passed into a plain module parameter would show in the deployment history.
        var secureParameters = SecureParameterNames(infra.Template);
        var modules = infra.AllResources().Where(r => Type(r) == "Microsoft.Resources/deployments").ToArray();
        Assert.NotEmpty(modules);
        foreach (var module in modules)
        {
            var moduleSecure = SecureParameterNames(module["properties"]!["template"]!.AsObject());
            foreach (var (name, argument) in module["properties"]?["parameters"]?.AsObject() ?? [])
            {
                var text = argument?.ToJsonString() ?? "";
                var leaked = secureParameters.Where(p => text.Contains($"parameters('{p}')", StringComparison.Ordinal)).ToArray();
                Assert.True(leaked.Length == 0 || moduleSecure.Contains(name),
                    $"module {module["name"]} gets secure parameter(s) {string.Join(", ", leaked)} through its plain parameter {name}");
            }
        }
    }

    [SkippableFact]
    public void Media_host_secrets_are_secure_environment_values()
    {
        var mediaHost = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == "mediahost");
        var template = mediaHost["properties"]!["template"]!.AsObject();
        Assert.Equal("secureObject", (string?)template["parameters"]?["secureEnvironment"]?["type"]);
        var secureVariables = template["variables"]?["copy"]?.AsArray().Single(c => (string?)c?["name"] == "secretVariables");
        Assert.NotNull(secureVariables?["input"]?["secureValue"]);
        var secureArgument = mediaHost["properties"]?["parameters"]?["secureEnvironment"]?["value"]?.AsObject();
        Assert.NotNull(secureArgument);
        Assert.Contains("SIP_AUTH_PASSWORD", secureArgument.Select(p => p.Key));
        Assert.Contains("AgentEvents__Secret", secureArgument.Select(p => p.Key));
    }

    [SkippableFact]
    public void Media_host_ports_fit_the_Container_Instances_limit_of_five_per_IP()
    {
        // SIP UDP + SIP TCP + HTTP are fixed; the RTP ports must be one even/odd pair and the total at most 5.
        const int aciPortsPerIp = 5;
        const int fixedPorts = 3;
        var mediaHost = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == "mediahost");
        var rtpPortCount = mediaHost["properties"]!["template"]!["parameters"]!["rtpPortCount"]!;
        Assert.Equal(2, (int?)rtpPortCount["minValue"]);
        Assert.True((int?)rtpPortCount["maxValue"] <= aciPortsPerIp - fixedPorts);
        var rtpPortStart = (int?)infra.Template["parameters"]?["rtpPortStart"]?["defaultValue"];
        Assert.NotNull(rtpPortStart);
        Assert.True(rtpPortStart % 2 == 0, "the RTP range must start on an even port (RTP even, RTCP odd)");
    }

    [SkippableFact]
    public void Outputs_give_the_LiveKit_webhook_url_and_the_MediaHost_SIP_address()
    {
        var outputs = infra.Template["outputs"]!.AsObject();
        Assert.Contains("liveKitWebhookUrl", outputs.Select(o => o.Key));
        Assert.Contains("mediaHostSipAddress", outputs.Select(o => o.Key));
        Assert.StartsWith("[format('https://", outputs["liveKitWebhookUrl"]!["value"]!.ToString(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Every_parameter_is_described()
    {
        foreach (var template in new[] { infra.Template }.Concat(infra.AllResources().Select(r => r["properties"]?["template"]).OfType<JsonObject>()))
        {
            foreach (var (name, parameter) in template["parameters"]?.AsObject() ?? [])
            {
                if (name == "tags")
                {
                    continue; // passed through unchanged to every module
                }
                Assert.False(string.IsNullOrWhiteSpace((string?)parameter?["metadata"]?["description"]), $"parameter {name} has no @description");
            }
        }
    }

    [SkippableFact]
    public void Alert_rules_use_only_metric_names_and_log_fields_the_code_defines()
    {
        var queries = infra.AllResources()
            .Where(r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == "alerts")
            .Select(r => r["properties"]!["template"]!.ToJsonString())
            .Single();
        var used = Regex.Matches(queries, @"voicefunctions\.[a-z_.]+[a-z_]").Select(m => m.Value).Distinct().ToArray();
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, MetricNames.All));
        Assert.Contains($"customDimensions.{TelemetryFields.VoiceToVoiceMs}", queries, StringComparison.Ordinal);
        Assert.Contains($"\\u0022{MetricTags.WebhookResults.Unauthorized}\\u0022", queries, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Alerts_cover_failures_webhook_401s_fallbacks_health_checks_MediaHost_down_and_latency()
    {
        var alerts = Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Resources/deployments" && (string?)r["name"] == "alerts");
        var text = alerts["properties"]!["template"]!.ToJsonString();
        foreach (var rule in new[] { "function-failures", "webhook-unauthorized-rate", "calls-ending-in-fallback", "health-check-failures", "voice-to-voice-p95" })
        {
            Assert.Contains(rule, text, StringComparison.Ordinal);
        }
        Assert.Contains("Microsoft.Azure.Monitor.WebtestLocationAvailabilityCriteria", text, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Insights/actionGroups", text, StringComparison.Ordinal);
    }

    private JsonObject FunctionApp() =>
        Assert.Single(infra.AllResources(), r => Type(r) == "Microsoft.Web/sites");

    private Dictionary<string, string> FunctionAppSettings()
    {
        var settings = Assert.IsType<JsonArray>(FunctionApp()["properties"]?["siteConfig"]?["appSettings"]);
        return settings.OfType<JsonObject>().ToDictionary(s => (string)s["name"]!, s => s["value"]?.ToString() ?? "", StringComparer.Ordinal);
    }

    private static string? Type(JsonObject resource) => (string?)resource["type"];

    private static HashSet<string> SecureParameterNames(JsonObject template) =>
        (template["parameters"]?.AsObject() ?? [])
            .Where(p => string.Equals((string?)p.Value?["type"], "securestring", StringComparison.OrdinalIgnoreCase)
                        || string.Equals((string?)p.Value?["type"], "secureObject", StringComparison.OrdinalIgnoreCase))
            .Select(p => p.Key)
            .ToHashSet(StringComparer.Ordinal);
}
