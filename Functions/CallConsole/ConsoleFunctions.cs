using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using VoiceFunctions.Functions.Webhooks;

namespace VoiceFunctions.Functions.CallConsole;

/// <summary>
/// GET /api/console/ (the page) and /api/console/{file} (its scripts and styles): the call console, a static page
/// over the calls and health API. The files are anonymous because they hold nothing secret: every piece of data
/// the page shows comes from the API, which asks for its key (<see cref="Api.ApiAccessGuard"/>) on each request.
/// </summary>
public sealed class ConsoleFunctions
{
    /// <summary>
    /// Only our own files may run or load, nothing inline and nothing from another origin; the page may talk only
    /// to its own origin (the API); it may not be framed; the key never leaves in a Referer.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; media-src 'self' https: blob:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly ConsoleAssets _assets;

    /// <summary>The files embedded in this assembly: what the function app and the local host create.</summary>
    [ActivatorUtilitiesConstructor]
    public ConsoleFunctions() : this(ConsoleAssets.Embedded)
    {
    }

    public ConsoleFunctions(ConsoleAssets assets) => _assets = assets;

    [Function("Console")]
    public IActionResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "console/{*path}")] HttpRequest request, string? path)
    {
        // The page's scripts are addressed relative to it, so the page must be at ".../console/", not ".../console".
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/'))
        {
            // Written as headers, not RedirectResult: that needs MVC's services, which the local host does not add.
            request.HttpContext.Response.Headers.Location = request.PathBase + request.Path + "/";
            return HttpResponseResult.Text(StatusCodes.Status302Found, "the console is at .../console/");
        }
        var asset = _assets.Find(path);
        if (asset is null)
        {
            return HttpResponseResult.Text(StatusCodes.Status404NotFound, "the console has no file " + path);
        }
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Revalidated on every load (the ETag makes that a 304), so a deployment is seen at once.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return new HttpResponseResult(StatusCodes.Status304NotModified, asset.ContentType, []);
        }
        return new HttpResponseResult(StatusCodes.Status200OK, asset.ContentType, asset.Content);
    }
}
