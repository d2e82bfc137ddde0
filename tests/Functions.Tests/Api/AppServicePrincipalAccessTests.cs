using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Api;

namespace VoiceFunctions.Functions.Tests.Api;

/// <summary>
/// Entra ID sign-in through App Service Authentication: the guard believes the platform's X-MS-CLIENT-PRINCIPAL header
/// only when told the app runs behind it, then asks for Entra ID and the app role; keys keep working beside it.
/// </summary>
public sealed class AppServicePrincipalAccessTests
{
    private const string Key = "ops-secret-0123456789";

    private static ApiAccessGuard Guard(bool trust, string? role = "Console.Read", bool withKey = true)
    {
        var options = new ApiOptions { TrustAppServicePrincipal = trust, RequiredAppRole = role };
        if (withKey)
        {
            options.Keys["ops"] = Key;
        }
        return new ApiAccessGuard(Options.Create(options), TimeProvider.System);
    }

    /// <summary>The header as App Service writes it for an Entra ID user (claims as the platform maps them).</summary>
    public static string Principal(params string[] roles)
    {
        var claims = string.Join(",", new[] { """{"typ":"name","val":"Operator One"}""" }.Concat(roles.Select(r => $$"""{"typ":"roles","val":"{{r}}"}""")));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes($$"""{"auth_typ":"aad","name_typ":"name","role_typ":"roles","claims":[{{claims}}]}"""));
    }

    private static HttpRequest Request(string? principal = null, string idp = "aad", string? key = null, string? authorization = null)
    {
        var request = new DefaultHttpContext().Request;
        if (principal is not null)
        {
            request.Headers[AppServicePrincipal.PrincipalHeader] = principal;
            request.Headers[AppServicePrincipal.IdentityProviderHeader] = idp;
        }
        if (key is not null)
        {
            request.Headers["x-functions-key"] = key;
        }
        if (authorization is not null)
        {
            request.Headers.Authorization = authorization;
        }
        return request;
    }

    [Fact]
    public void Signed_in_user_with_the_app_role_is_let_in_even_with_an_Entra_bearer_token_that_is_not_ours()
    {
        var guard = Guard(trust: true);

        Assert.Null(guard.Check(Request(Principal("Console.Read"))));
        Assert.Null(guard.Check(Request(Principal("Other", "Console.Read"), authorization: "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln")));
        Assert.Null(Guard(trust: true, role: null).Check(Request(Principal())));
    }

    [Fact]
    public void Principal_header_is_ignored_unless_the_app_is_said_to_run_behind_App_Service_Authentication()
    {
        var request = Request(Principal("Console.Read"));

        var refused = Guard(trust: false).Check(request);

        Assert.Equal(401, refused?.Status);
        Assert.Equal("send a bearer token (Authorization: Bearer …) or an API key (x-functions-key)", refused!.BodyText);
        Assert.False(request.HttpContext.Response.Headers.ContainsKey(ApiAccessGuard.SignInHeader));
    }

    [Theory]
    [InlineData("no-role", "aad", "the signed-in user does not hold the app role Console.Read")]
    [InlineData("role", "github", "signed in with 'github', but only Entra ID (aad) is accepted")]
    [InlineData("not base64!", "aad", "the X-MS-CLIENT-PRINCIPAL header is not base64")]
    [InlineData("bm90IGpzb24=", "aad", "the X-MS-CLIENT-PRINCIPAL header is not JSON")]
    [InlineData("eyJhdXRoX3R5cCI6ImFhZCJ9", "aad", "the X-MS-CLIENT-PRINCIPAL header has no claims")]
    public void Principal_that_does_not_qualify_is_refused_with_the_reason(string header, string idp, string reason)
    {
        var principal = header switch { "no-role" => Principal("Other"), "role" => Principal("Console.Read"), _ => header };

        var refused = Guard(trust: true).Check(Request(principal, idp));

        Assert.Equal(401, refused?.Status);
        Assert.Equal(reason, refused!.BodyText);
    }

    [Fact]
    public void Keys_still_work_beside_Entra_sign_in_and_a_refusal_says_where_a_browser_signs_in()
    {
        var guard = Guard(trust: true);
        var refusedRequest = Request(key: "not-the-key");

        Assert.Null(guard.Check(Request(key: Key)));
        Assert.Equal(401, guard.Check(refusedRequest)?.Status);
        Assert.Equal("/.auth/login/aad", refusedRequest.HttpContext.Response.Headers[ApiAccessGuard.SignInHeader].ToString());
        Assert.Equal("sign in with Entra ID; no API key is configured (Api:Keys)", Guard(trust: true, withKey: false).Check(Request())!.BodyText);
        Assert.Null(Guard(trust: true, withKey: false).Check(Request(Principal("Console.Read"))));
    }
}
