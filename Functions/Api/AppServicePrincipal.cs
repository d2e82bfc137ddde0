using System.Buffers.Text;
using System.Text.Json;

namespace VoiceFunctions.Functions.Api;

/// <summary>
/// The signed-in user that App Service Authentication ("Easy Auth") puts in front of every request it lets through:
/// X-MS-CLIENT-PRINCIPAL is base64 of {"auth_typ","name_typ","role_typ","claims":[{"typ","val"}]} and
/// X-MS-CLIENT-PRINCIPAL-IDP names the identity provider ("aad" for Entra ID). App Service removes these headers
/// from what a client sends, so they can be believed only when the app runs behind it
/// (<see cref="ApiOptions.TrustAppServicePrincipal"/>). Parsing is pure: no I/O, no token validation (the platform did that).
/// </summary>
public sealed record AppServicePrincipal(string IdentityProvider, string? Name, IReadOnlyList<string> Roles)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string IdentityProviderHeader = "X-MS-CLIENT-PRINCIPAL-IDP";
    public const string EntraId = "aad";

    private const int MaxHeaderLength = 16 * 1024;

    /// <returns>The principal, or null with <paramref name="error"/> saying what is wrong with the header.</returns>
    public static AppServicePrincipal? TryParse(string header, string identityProvider, out string error)
    {
        error = "";
        if (header.Length > MaxHeaderLength)
        {
            error = $"the {PrincipalHeader} header is longer than {MaxHeaderLength} characters";
            return null;
        }
        var bytes = new byte[Base64.GetMaxDecodedFromUtf8Length(header.Length)];
        if (!Convert.TryFromBase64String(header, bytes, out var length))
        {
            error = $"the {PrincipalHeader} header is not base64";
            return null;
        }
        try
        {
            using var json = JsonDocument.Parse(bytes.AsMemory(0, length));
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                error = $"the {PrincipalHeader} header has no claims";
                return null;
            }
            var nameType = String(root, "name_typ");
            var roleType = String(root, "role_typ") ?? "roles";
            string? name = null;
            var roles = new List<string>();
            foreach (var claim in claims.EnumerateArray())
            {
                var (type, value) = (String(claim, "typ"), String(claim, "val"));
                if (type is null || value is null)
                {
                    continue;
                }
                if (type == nameType)
                {
                    name ??= value;
                }
                // Entra ID's app roles arrive as "roles" claims; role_typ names the type the platform mapped them to.
                if (type == roleType || type == "roles")
                {
                    roles.Add(value);
                }
            }
            return new AppServicePrincipal(identityProvider, name, roles);
        }
        catch (JsonException)
        {
            error = $"the {PrincipalHeader} header is not JSON";
            return null;
        }
    }

    private static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
