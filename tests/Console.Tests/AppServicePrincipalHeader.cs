using System.Text;
using System.Text.Json;

namespace VoiceFunctions.Console.Tests;

/// <summary>
/// X-MS-CLIENT-PRINCIPAL as App Service Authentication writes it for a user signed in with Entra ID: base64 of
/// {"auth_typ":"aad","name_typ","role_typ","claims":[{"typ","val"}]} (the platform's documented shape).
/// </summary>
internal static class AppServicePrincipalHeader
{
    public static string For(string name, params string[] roles)
    {
        var claims = new[] { new { typ = "name", val = name } }.Concat(roles.Select(r => new { typ = "roles", val = r }));
        var principal = new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims };
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(principal)));
    }
}
