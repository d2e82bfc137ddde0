using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.LiveKit.Auth;

namespace VoiceFunctions.Functions.Api;

/// <summary>Lets a request through with a valid API key or bearer token; otherwise answers 401 with why.</summary>
public sealed class ApiAccessGuard
{
    private readonly byte[][] _secrets;
    private readonly TokenVerifier? _verifier;

    public ApiAccessGuard(IOptions<ApiOptions> options, TimeProvider time)
    {
        var keys = options.Value.Keys.Where(k => !string.IsNullOrEmpty(k.Key) && !string.IsNullOrEmpty(k.Value)).ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        _secrets = keys.Values.Select(Encoding.UTF8.GetBytes).ToArray();
        _verifier = keys.Count == 0 ? null : new TokenVerifier(keys, time, TimeSpan.FromMinutes(1));
    }

    /// <returns>Null when access is granted, else the 401 to answer.</returns>
    public HttpResponseResult? Check(HttpRequest request)
    {
        if (_verifier is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status401Unauthorized, "no API key is configured (Api:Keys), so the API is closed");
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
}
