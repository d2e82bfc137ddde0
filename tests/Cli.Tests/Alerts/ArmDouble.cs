using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.Cli.Tests.Alerts;

/// <summary>
/// A double of Azure Resource Manager (HTTPS on loopback, a certificate made in the test) holding one resource
/// group's alert rules: the resource list by type filter and each rule's GET, as ARM answers them, behind a bearer token.
/// </summary>
public sealed class ArmDouble : IAsyncDisposable
{
    public const string Token = "arm-double-token";
    public const string Subscription = "00000000-0000-0000-0000-000000000001";
    public const string ResourceGroup = "voice-rg";

    private readonly WebApplication _app;

    private ArmDouble(WebApplication app, int port)
    {
        _app = app;
        Url = new Uri($"https://localhost:{port}");
    }

    public Uri Url { get; }

    public List<string> Requests { get; } = [];

    /// <param name="rules">name → (type, enabled).</param>
    public static async Task<ArmDouble> StartAsync(X509Certificate2 certificate, IReadOnlyDictionary<string, (string Type, bool Enabled)> rules)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var port = TestSupport.FreePort.Next();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        var arm = new ArmDouble(app, port);
        var prefix = $"/subscriptions/{Subscription}/resourceGroups/{ResourceGroup}";
        string Id(string name, string type) => $"{prefix}/providers/{type}/{name}";
        app.Use(async (context, next) =>
        {
            lock (arm.Requests)
            {
                arm.Requests.Add(context.Request.Path + context.Request.QueryString);
            }
            if (context.Request.Headers.Authorization != $"Bearer {Token}")
            {
                context.Response.StatusCode = 401;
                await context.Response.WriteAsJsonAsync(new { error = new { code = "InvalidAuthenticationToken", message = "The access token is invalid." } });
                return;
            }
            await next();
        });
        app.MapGet(prefix + "/resources", () => Results.Json(new JsonObject
        {
            ["value"] = new JsonArray(rules.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = Id(r.Key, r.Value.Type), ["name"] = r.Key, ["type"] = r.Value.Type, ["location"] = "westeurope",
            }).ToArray()),
        }));
        app.MapGet(prefix + "/providers/Microsoft.Insights/{type}/{name}", (string type, string name) =>
        {
            var rule = rules.FirstOrDefault(r => r.Key == name && r.Value.Type.EndsWith("/" + type, StringComparison.OrdinalIgnoreCase));
            return rule.Key is null
                ? Results.Json(new { error = new { code = "ResourceNotFound", message = "not found" } }, statusCode: 404)
                : Results.Json(new JsonObject
                {
                    ["id"] = Id(name, rule.Value.Type), ["name"] = name, ["type"] = rule.Value.Type, ["location"] = "westeurope",
                    ["properties"] = new JsonObject { ["displayName"] = "rule " + name, ["severity"] = 1, ["enabled"] = rule.Value.Enabled },
                });
        });
        await app.StartAsync();
        return arm;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
