using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Infra;

/// <summary>
/// infra.bicep built and linted once per test run (the CLI takes seconds): the build and lint results and the
/// compiled ARM JSON, with helpers to walk its nested module templates.
/// </summary>
public sealed class CompiledInfraTemplate : IDisposable
{
    private readonly string _outputDirectory = Directory.CreateTempSubdirectory("voicefunctions-infra-").FullName;
    private readonly Lazy<(BicepCli.Result Build, BicepCli.Result Lint, JsonObject? Template)> _compiled;

    public CompiledInfraTemplate()
    {
        _compiled = new Lazy<(BicepCli.Result, BicepCli.Result, JsonObject?)>(Compile);
    }

    public static string TemplatePath => Path.Combine(RepoPaths.Root, "infra.bicep");

    internal BicepCli.Result Build => _compiled.Value.Build;

    internal BicepCli.Result Lint => _compiled.Value.Lint;

    /// <summary>The compiled template; fails the test with bicep's output when the build failed.</summary>
    public JsonObject Template => _compiled.Value.Template
        ?? throw new Xunit.Sdk.XunitException("infra.bicep did not compile:\n" + Build.StandardError);

    /// <summary>Every resource of the template and of its nested module templates.</summary>
    public IEnumerable<JsonObject> AllResources() => ResourcesOf(Template);

    /// <summary>Every output of the template and of its nested module templates.</summary>
    public IEnumerable<(string Name, JsonNode? Value)> AllOutputs() => OutputsOf(Template);

    private static IEnumerable<JsonObject> ResourcesOf(JsonObject template)
    {
        // Symbolic-name templates keep resources in an object; classic ones in an array.
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject map => map.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return resource;
            if (resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in ResourcesOf(nested))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<(string, JsonNode?)> OutputsOf(JsonObject template)
    {
        if (template["outputs"] is JsonObject outputs)
        {
            foreach (var (name, output) in outputs)
            {
                yield return (name, output?["value"]);
            }
        }
        foreach (var resource in ResourcesOf(template))
        {
            if (resource["properties"]?["template"] is JsonObject nested && nested["outputs"] is JsonObject nestedOutputs)
            {
                foreach (var (name, output) in nestedOutputs)
                {
                    yield return (name, output?["value"]);
                }
            }
        }
    }

    private (BicepCli.Result, BicepCli.Result, JsonObject?) Compile()
    {
        BicepCli.Require();
        var outFile = Path.Combine(_outputDirectory, "infra.json");
        var build = BicepCli.Run("build", TemplatePath, "--outfile", outFile);
        var lint = BicepCli.Run("lint", TemplatePath);
        var template = build.ExitCode == 0 && File.Exists(outFile) ? JsonNode.Parse(File.ReadAllText(outFile)) as JsonObject : null;
        return (build, lint, template);
    }

    public void Dispose() => Directory.Delete(_outputDirectory, recursive: true);
}
