using System.Diagnostics;
using System.Text.Json.Nodes;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Shared.Tests.LiveKit.Api;

/// <summary>
/// The loopback test server checked with the official Node SDK as its client: SDK-minted tokens are
/// accepted and refused as LiveKit does, and every response parses with the SDK's protobuf types in strict
/// mode, so a misspelt or mistyped field in the server's snake_case output fails here.
/// </summary>
public sealed class LoopbackServerNodeSdkTests
{
    [SkippableFact]
    public async Task The_node_sdk_accepts_the_servers_answers_in_strict_mode_and_its_tokens_are_accepted()
    {
        var node = RequiredTool.Command("node", "Node.js 20 (the machine image)");
        RequiredTool.NodePackage("livekit-server-sdk");
        await using var server = await LoopbackLiveKitApiTestServer.StartAsync();

        var result = await RunAsync(node, "livekit-api-loopback-check.mjs", server.Url.ToString().TrimEnd('/'), server.ApiKey, server.ApiSecret);

        Assert.StartsWith("RM_", result["roomSid"]!.GetValue<string>());
        Assert.True(long.Parse(result["roomCreationTime"]!.GetValue<string>()) > 1_700_000_000);
        Assert.Equal(1, result["outboundTransport"]!.GetValue<int>());
        Assert.Equal(20, result["inboundRingingSeconds"]!.GetValue<int>());
        Assert.Equal((400, "invalid_argument"), (result["conflict"]!["status"]!.GetValue<int>(), result["conflict"]!["code"]!.GetValue<string>()));
        Assert.StartsWith("SDR_", result["ruleId"]!.GetValue<string>());
        Assert.Equal("call-", result["rulePrefix"]!.GetValue<string>());
        Assert.Equal(3, result["participantKind"]!.GetValue<int>());
        Assert.Equal(result["sipCallId"]!.GetValue<string>(), result["participantCallId"]!.GetValue<string>());
        Assert.Equal("ws://127.0.0.1:9/audio", result["egressWebsocket"]!.GetValue<string>());
        Assert.Equal(2, result["ingressInput"]!.GetValue<int>());
        Assert.StartsWith("AD_", result["dispatchId"]!.GetValue<string>());
        Assert.Equal((401, "unauthenticated", "permissions denied"),
            (result["missingGrant"]!["status"]!.GetValue<int>(), result["missingGrant"]!["code"]!.GetValue<string>(), result["missingGrant"]!["msg"]!.GetValue<string>()));
        Assert.Equal(["node-room"], result["sdkRooms"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Single(result["sdkTrunks"]!.AsArray());
    }

    private static async Task<JsonNode> RunAsync(string node, params string[] arguments)
    {
        var start = new ProcessStartInfo(node) { WorkingDirectory = RepoPaths.NodeTools, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        Assert.True(process.ExitCode == 0, $"the Node SDK check failed ({process.ExitCode}): {await errors}");
        return JsonNode.Parse(await output)!;
    }
}
