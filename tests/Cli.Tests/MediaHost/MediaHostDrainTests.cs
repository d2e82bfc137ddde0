using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VoiceFunctions.Cli.Tests.Support;

namespace VoiceFunctions.Cli.Tests.MediaHost;

/// <summary>
/// A draining MediaHost needs a call in progress and a SIGTERM; this double answers /health exactly as the MediaHost
/// does while draining or starting (503 with its JSON), so doctor's reading of those states is tested quickly.
/// </summary>
public class MediaHostDrainTests
{
    [Theory]
    [InlineData("draining", "Draining", "draining (stopping or being replaced)")]
    [InlineData("starting", "Starting", "still starting")]
    public async Task Double_MediaHost_in_a_transition_state_warns_instead_of_failing(string status, string state, string cause)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        await using var app = builder.Build();
        app.MapGet("/health", () => Results.Json(new { status, sip = new { state, udp = "127.0.0.1:5060", tcp = (string?)null, activeCalls = 3, registered = false } }, statusCode: 503));
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        await using var workspace = await SipWorkspace.StartAsync();
        workspace.Write(LineFiles.Head + $"""
            media_host:
              sip_address: 127.0.0.1:5060
              health_url: {url}/health

            """);

        var result = await workspace.RunAsync("doctor", workspace.FilePath, "--only", "mediahost", "--json");

        Assert.True(result.ExitCode == ExitCodes.Ok, result.ToString());
        var check = OutputSchema.AssertValid("doctor", result.Output).GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "mediahost");
        Assert.Equal("warn", check.GetProperty("status").GetString());
        Assert.Contains($"HTTP 503", check.GetProperty("evidence").GetString());
        Assert.Contains($"status {status}, SIP {state}, 3 calls in progress", check.GetProperty("evidence").GetString());
        Assert.Contains(cause, check.GetProperty("cause").GetString());
    }
}
