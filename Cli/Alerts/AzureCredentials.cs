using Azure.Core;
using Azure.Identity;

namespace VoiceFunctions.Cli.Alerts;

/// <summary>
/// Which Azure credential `alerts list` uses, first found wins: a bearer token in AZURE_ACCESS_TOKEN (from
/// `az account get-access-token`), a service principal in AZURE_TENANT_ID/AZURE_CLIENT_ID/AZURE_CLIENT_SECRET,
/// or the Azure CLI's login when `az` is on PATH. None: null and a message saying how to provide one.
/// </summary>
public static class AzureCredentials
{
    public static TokenCredential? Resolve(Func<string, string?> environment, TimeProvider time, out string description, out string? problem)
    {
        problem = null;
        if (environment("AZURE_ACCESS_TOKEN") is { Length: > 0 } token)
        {
            description = "the token in AZURE_ACCESS_TOKEN";
            return new StaticTokenCredential(token, time);
        }
        if (environment("AZURE_TENANT_ID") is { Length: > 0 } tenant && environment("AZURE_CLIENT_ID") is { Length: > 0 } client
            && environment("AZURE_CLIENT_SECRET") is { Length: > 0 } secret)
        {
            description = $"service principal {client}";
            return new ClientSecretCredential(tenant, client, secret);
        }
        if (OnPath("az", environment))
        {
            description = "the Azure CLI login (az login)";
            return new AzureCliCredential();
        }
        description = "";
        problem = "no Azure credentials: set AZURE_ACCESS_TOKEN (az account get-access-token --query accessToken -o tsv), "
            + "or AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or install the Azure CLI and run az login";
        return null;
    }

    private static bool OnPath(string command, Func<string, string?> environment) =>
        (environment("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Any(d => File.Exists(Path.Combine(d, command)));
}
