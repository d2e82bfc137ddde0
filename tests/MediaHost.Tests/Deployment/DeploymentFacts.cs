using System.Text.Json.Nodes;

namespace VoiceFunctions.MediaHost.Tests.Deployment;

/// <summary>
/// What only Azure knows while it deploys, as plausible sample values: the resource group, uniqueString and the
/// outputs of the modules a template references. Shapes follow the real ones (a host name where Azure gives one).
/// </summary>
public static class DeploymentFacts
{
    public const string UniqueString = "q7x2k9m4vd3hs";

    public const string Location = "westeurope";

    public const string ResourceGroupId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/voicefunctions";

    /// <summary>reference(deployment).outputs of each module, by the output names our modules declare.</summary>
    public static JsonObject Reference(string resourceId) => new()
    {
        ["outputs"] = new JsonObject
        {
            ["defaultHostName"] = Output("voicefn-q7x2k9m4vd3hs.azurewebsites.net"),
            ["workspaceName"] = Output("voicefn-logs"),
            ["appInsightsName"] = Output("voicefn-insights"),
            ["vaultName"] = Output("voicefn-kv-q7x2k9m4vd3hs"),
            ["runtimeAccountName"] = Output("voicefnfnq7x2k9m4vd3hs"),
            ["historyAccountName"] = Output("voicefncallsq7x2k9m4vd3"),
            ["deploymentContainerUrl"] = Output("https://voicefnfnq7x2k9m4vd3hs.blob.core.windows.net/app-package"),
            ["name"] = Output("voicefn-q7x2k9m4vd3hs"),
        },
        ["properties"] = new JsonObject { ["ConnectionString"] = "InstrumentationKey=<key>;IngestionEndpoint=https://<region>.in.applicationinsights.azure.com/" },
        ["id"] = resourceId,
    };

    private static JsonObject Output(string value) => new() { ["type"] = "String", ["value"] = value };
}
