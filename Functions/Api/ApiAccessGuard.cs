using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Functions.Api;

/// <summary>
/// Lets a request through with a valid API key or bearer token, or (behind App Service Authentication, when trusted)
/// a user signed in with Entra ID; otherwise answers 401 with why.
/// </summary>
public sealed class ApiAccessGuard
{
    /// <summary>
    /// On a 401 when Entra ID sign-in is trusted: where a browser signs in (App Service Authentication's login path,
    /// back to the console afterwards). The console shows it as a link.
    /// </summary>
    public const string SignInHeader = "X-VoiceFunctions-Sign-In";
    public const string EntraSignInPath = "/.auth/login/aad";

    private readonly byte[][] _secrets;
    private readonly TokenVerifier? _verifier;
    private readonly bool _trustPrincipal;
    private readonly string? _requiredRole;

    public ApiAccessGuard(IOptions<ApiOptions> options, TimeProvider time)
    {
        _trustPrincipal = options.Value.TrustAppServicePrincipal;
        _requiredRole = string.IsNullOrWhiteSpace(options.Value.RequiredAppRole) ? null : options.Value.RequiredAppRole.Trim();
        var keys = options.Value.Keys.Where(k => !string.IsNullOrEmpty(k.Key) && !string.IsNullOrEmpty(k.Value)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        _secrets = keys.Values.Select(Encoding.UTF8.GetBytes).ToArray();
        _verifier = keys.Count == 0 ? null : new TokenVerifier(keys, time, TimeSpan.FromMinutes(1));
    }

    /// <returns>Null when access is granted, else the 401 to answer.</returns>
    public HttpResponseResult? Check(HttpRequest request)
    {
        var refusal = CheckCredential(request);
        if (refusal is not null && _trustPrincipal)
        {
            request.HttpContext.Response.Headers[SignInHeader] = EntraSignInPath;
        }
        return refusal;
    }

    private HttpResponseResult? CheckCredential(HttpRequest request)
    {
        // First: behind App Service Authentication an Entra ID bearer token is validated by the platform, which then
        // sends the principal; that token is not one of ours and must not reach the HS256 check below.
        if (_trustPrincipal && request.Headers[AppServicePrincipal.PrincipalHeader].ToString() is { Length: > 0 } principalHeader)
        {
            return CheckPrincipal(principalHeader, request.Headers[AppServicePrincipal.IdentityProviderHeader].ToString());
        }
        if (_verifier is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status401Unauthorized, _trustPrincipal
                ? "sign in with Entra ID; no API key is configured (Api:Keys)"
                : "no API key is configured (Api:Keys), so the API is closed");
        }
        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            var result = _verifier.Verify(authorization["Bearer ".Length..].Trim());
            return result.IsValid ? null : HttpResponseResult.Text(StatusCodes.Status401Unauthorized, "bearer token refused: " + result.Message);
        }
        var key = request.Headers["x-functions-key"].ToString();
        if (key.Length == 0)
        {
            key = request.Query["code"].ToString();
        }
        if (key.Length == 0)
        {
            return HttpResponseResult.Text(StatusCodes.Status401Unauthorized, "send a bearer token (Authorization: Bearer …) or an API key (x-functions-key)");
        }
        var presented = Encoding.UTF8.GetBytes(key);
        var match = false;
        foreach (var secret in _secrets)
        {
            // Every secret is compared (no early exit), each in constant time.
            match |= presented.Length == secret.Length && CryptographicOperations.FixedTimeEquals(presented, secret);
        }
        return match ? null : HttpResponseResult.Text(StatusCodes.Status401Unauthorized, "the API key is not valid");
    }

    private HttpResponseResult? CheckPrincipal(string header, string identityProvider)
    {
        if (identityProvider != AppServicePrincipal.EntraId)
        {
            return HttpResponseResult.Text(StatusCodes.Status401Unauthorized,
                $"signed in with '{identityProvider}', but only Entra ID ({AppServicePrincipal.EntraId}) is accepted");
        }
        var principal = AppServicePrincipal.TryParse(header, identityProvider, out var error);
        if (principal is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status401Unauthorized, error);
        }
        if (_requiredRole is not null && !principal.Roles.Contains(_requiredRole, StringComparer.Ordinal))
        {
            return HttpResponseResult.Text(StatusCodes.Status401Unauthorized, $"the signed-in user does not hold the app role {_requiredRole}");
        }
        return null;
    }
}
