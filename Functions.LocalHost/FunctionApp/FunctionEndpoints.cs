using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace VoiceFunctions.Functions.LocalHost.FunctionApp;

/// <summary>Serves every HTTP function of the catalog on its route under host.json's route prefix, with its methods.</summary>
public static class FunctionEndpoints
{
    public static void MapHttpFunctions(this WebApplication app, FunctionCatalog catalog, string routePrefix)
    {
        foreach (var function in catalog.Http)
        {
            FunctionArguments.EnsureBindable(function.Name, function.Entry);
            var entry = function.Entry;
            app.MapMethods(RoutePattern(routePrefix, function.Route), function.Methods.Select(m => m.ToUpperInvariant()).ToArray(), async (HttpContext context) =>
            {
                var target = entry.IsStatic ? null : context.RequestServices.GetRequiredService(entry.DeclaringType!);
                var result = entry.Invoke(target, FunctionArguments.ForHttp(entry, context)) switch
                {
                    Task<IActionResult> pending => await pending.ConfigureAwait(false),
                    IActionResult done => done,
                    var other => throw new NotSupportedException($"function {function.Name} returned {other?.GetType().Name ?? "null"}, not an IActionResult"),
                };
                await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor())).ConfigureAwait(false);
            }).WithName(function.Name);
        }
    }

    /// <summary>The path the Functions host serves a route on: "/{prefix}/{route}" (no prefix when host.json's is empty).</summary>
    public static string RoutePattern(string routePrefix, string route) =>
        "/" + string.Join('/', new[] { routePrefix.Trim('/'), route.Trim('/') }.Where(s => s.Length > 0));
}
