using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// A manifest file under deploy/ read by kubectl without a cluster (`kubectl annotate --local -o json`): kubectl
/// parses the YAML and every object's apiVersion, kind and metadata, and prints each object as JSON. It does NOT
/// check field names or types against the Kubernetes schemas offline (that needs the API server's OpenAPI), so the
/// tests check the fields the MediaHost depends on themselves.
/// </summary>
public sealed class KubernetesManifest
{
    private KubernetesManifest(IReadOnlyList<JsonObject> objects) => Objects = objects;

    public IReadOnlyList<JsonObject> Objects { get; }

    public static KubernetesManifest Read(string relativePath)
    {
        var kubectl = RequiredTool.Command("kubectl", "scripts/install-test-deps.sh (Debian kubectl)");
        var start = new ProcessStartInfo(kubectl) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "annotate", "--local", "-o", "json", "-f", relativePath, "voicefunctions.io/checked=true" })
        {
            start.ArgumentList.Add(argument);
        }
        // No kubeconfig: --local never contacts a server.
        start.Environment["KUBECONFIG"] = "/dev/null";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start kubectl");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("kubectl did not finish within 60 s");
        }
        Assert.True(process.ExitCode == 0, $"kubectl rejected {relativePath}:\n{stderr.Result}");
        var objects = new List<JsonObject>();
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(stdout.Result), new JsonReaderOptions { AllowMultipleValues = true });
        while (JsonNode.Parse(ref reader) is JsonObject value)
        {
            objects.Add(value);
            if (!reader.Read())
            {
                break;
            }
        }
        return new KubernetesManifest(objects);
    }

    public JsonObject Single(string kind, string name) =>
        Objects.Single(o => o["kind"]?.GetValue<string>() == kind && o["metadata"]?["name"]?.GetValue<string>() == name);
}
