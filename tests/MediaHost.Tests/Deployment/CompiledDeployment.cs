using System.Diagnostics;
using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// infra.bicep with the sample parameters (infra.sample.bicepparam) compiled once by the project's Bicep CLI
/// (scripts/bicep.sh build-params): the ARM template and the parameter values a deployment would get, secrets
/// replaced by placeholders of the length the template demands.
/// </summary>
public sealed class CompiledDeployment
{
    private static readonly Lazy<CompiledDeployment> Shared = new(Compile);

    private CompiledDeployment(JsonObject template, JsonObject parameters)
    {
        Template = template;
        Parameters = parameters;
    }

    public static CompiledDeployment Sample => Shared.Value;

    public JsonObject Template { get; }

    /// <summary>Parameter values by name (the "value" of each entry of the parameters file).</summary>
    public JsonObject Parameters { get; }

    /// <summary>Every container of every container group the deployment creates (in any module), with the
    /// environment it is given: plain and secure values alike, evaluated.</summary>
    public IEnumerable<(string Container, IReadOnlyDictionary<string, string> Environment)> ContainerEnvironments(params (string Name, string Value)[] overrides)
    {
        var parameters = (JsonObject)Parameters.DeepClone();
        foreach (var (name, value) in overrides)
        {
            parameters[name] = value;
        }
        return ContainersOf(Template, new ArmScope(Template, parameters), "infra.bicep");
    }

    private static IEnumerable<(string, IReadOnlyDictionary<string, string>)> ContainersOf(JsonObject template, ArmScope scope, string path)
    {
        var evaluator = new ArmExpressionEvaluator(scope);
        foreach (var resource in (template["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var type = resource["type"]?.GetValue<string>();
            if (resource["condition"] is { } condition && !evaluator.EvaluateNode(condition)!.GetValue<bool>())
            {
                continue;
            }
            if (type == "Microsoft.Resources/deployments" && resource["properties"]?["template"] is JsonObject nested)
            {
                var values = new JsonObject();
                foreach (var (name, parameter) in resource["properties"]?["parameters"] as JsonObject ?? [])
                {
                    values[name] = evaluator.EvaluateNode(parameter?["value"]);
                }
                var module = ArmExpressionEvaluator.Display(evaluator.EvaluateNode(resource["name"]));
                foreach (var container in ContainersOf(nested, new ArmScope(nested, values), $"{path} > {module}"))
                {
                    yield return container;
                }
            }
            else if (type == "Microsoft.ContainerInstance/containerGroups")
            {
                foreach (var container in (resource["properties"]?["containers"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var variables = evaluator.EvaluateNode(container["properties"]?["environmentVariables"]) as JsonArray ?? [];
                    var environment = variables.OfType<JsonObject>().ToDictionary(
                        v => v["name"]!.GetValue<string>(),
                        v => ArmExpressionEvaluator.Display(v["value"] ?? v["secureValue"]));
                    yield return ($"{path} > {ArmExpressionEvaluator.Display(evaluator.EvaluateNode(container["name"]))}", environment);
                }
            }
        }
    }

    private static CompiledDeployment Compile()
    {
        var start = new ProcessStartInfo("bash") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine("scripts", "bicep.sh"), "build-params", "infra.sample.bicepparam", "--stdout" })
        {
            start.ArgumentList.Add(argument);
        }
        // The sample reads its secrets from the environment; placeholders long enough for the template's @minLength.
        var placeholder = new string('x', 48);
        foreach (var name in new[] { "LIVEKIT_API_SECRET", "SIP_AUTH_PASSWORD", "AGENT_EVENTS_SECRET", "CALLS_API_KEY", "REGISTRY_PASSWORD" })
        {
            start.Environment[name] = placeholder;
        }
        start.Environment["ALERT_WEBHOOK_URL"] = "https://alerts.example.com/<placeholder>";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start bash");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("bicep build-params did not finish within 3 minutes");
        }
        if (process.ExitCode != 0)
        {
            if (stderr.Result.Contains("bicep.sh:", StringComparison.Ordinal))
            {
                RequiredTool.Missing("the Bicep CLI (scripts/bicep.sh) did not start: " + stderr.Result.Trim());
            }
            throw new Xunit.Sdk.XunitException("bicep build-params infra.sample.bicepparam failed:\n" + stderr.Result);
        }
        var output = JsonNode.Parse(stdout.Result)!;
        var template = (JsonObject)JsonNode.Parse(output["templateJson"]!.GetValue<string>())!;
        var parameterFile = JsonNode.Parse(output["parametersJson"]!.GetValue<string>())!;
        var parameters = new JsonObject();
        foreach (var (name, entry) in (JsonObject)parameterFile["parameters"]!)
        {
            parameters[name] = entry?["value"]?.DeepClone();
        }
        return new CompiledDeployment(template, parameters);
    }
}
