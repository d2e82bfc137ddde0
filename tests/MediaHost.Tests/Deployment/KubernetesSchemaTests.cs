using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// The manifests under deploy/aks against the Kubernetes API's schemas, without a cluster: kubectl parses them offline,
/// then the kubernetes-models validators (generated from the API's OpenAPI definitions; tests/node) check every
/// object's field types and required fields. Those schemas let unknown field names through; the manifest tests
/// check the fields the deployment depends on by name.
/// </summary>
public sealed class KubernetesSchemaTests
{
    [SkippableTheory]
    [InlineData("deploy/aks/mediahost.yaml")]
    [InlineData("deploy/aks/frontdoor.yaml")]
    public async Task Manifest_objects_match_the_Kubernetes_schemas(string manifest)
    {
        var answer = await CheckAsync(KubernetesManifest.Read(manifest).Objects);
        Assert.True(answer["ok"]!.GetValue<bool>(), string.Join("\n", answer["problems"]?.AsArray().Select(p => (string?)p) ?? []));
    }

    [SkippableFact]
    public async Task An_object_with_a_field_of_the_wrong_type_is_refused_naming_the_field()
    {
        var daemonSet = (JsonObject)KubernetesManifest.Read("deploy/aks/mediahost.yaml").Single("DaemonSet", "mediahost").DeepClone();
        daemonSet["spec"]!["template"]!["spec"]!["hostNetwork"] = "yes";

        var answer = await CheckAsync([daemonSet]);

        Assert.False(answer["ok"]!.GetValue<bool>());
        Assert.Contains("DaemonSet/mediahost: data/spec/template/spec/hostNetwork must be boolean", answer["problems"]!.AsArray().Select(p => (string)p!));
    }

    private static async Task<JsonNode> CheckAsync(IEnumerable<JsonObject> objects)
    {
        var answer = await NodeScript.RunAsync("kubernetes-manifest-check.mjs",
            new JsonObject { ["objects"] = new JsonArray([.. objects.Select(o => (JsonNode)o.DeepClone())]) }, requiredPackage: "kubernetes-models");
        return JsonNode.Parse(answer.GetRawText())!;
    }
}
