using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace VoiceFunctions.System.Tests;

/// <summary>Failure drills on the whole system: a failing part still gives the caller an answer and every call a recorded outcome.</summary>
[Trait("Category", "System")]
public sealed class FailureDrillTests
{
    [SkippableFact]
    public async Task Failing_language_model_gives_the_fallback_phrase_and_the_call_is_still_finalized_with_the_error()
    {
        // An OpenAI-compatible LLM on a loopback port that refuses every connection: each request fails at once.
        var deadPort = ClosedLoopbackPort();
        await using var controlPlane = await LocalControlPlane.StartAsync();
        await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, new Dictionary<string, string>
        {
            ["AiLoop__Providers__Llm"] = "openai",
            ["AiLoop__Providers__OpenAiLlm__BaseUrl"] = $"http://127.0.0.1:{deadPort}/v1",
            ["AiLoop__Providers__OpenAiLlm__ApiKey"] = "sk-drill-" + Guid.NewGuid().ToString("N"),
            ["AiLoop__Providers__OpenAiLlm__Model"] = "drill-model",
            ["AiLoop__Providers__OpenAiLlm__MaxRetries"] = "0",
        });
        using (var caller = await DemoCaller.StartAsync(mediaHost.SipEndpoint, "What are your opening hours?", leadSeconds: 4, callMilliseconds: 20000))
        {
            var (exitCode, output) = await caller.WaitAsync();
            Assert.True(exitCode == 0, $"sipp failed:\n{output}");
        }
        var call = await controlPlane.WaitForFinalizedCallAsync(TimeSpan.FromSeconds(30));

        var record = call.GetProperty("record");
        Assert.Equal("Completed", record.GetProperty("outcome").GetString());
        Assert.Equal("CallerHangUp", record.GetProperty("endReason").GetString());
        var answered = call.GetProperty("turns").EnumerateArray()
            .FirstOrDefault(t => !string.IsNullOrWhiteSpace(t.GetProperty("callerText").GetString()));
        Assert.True(answered.ValueKind == JsonValueKind.Object, "no turn heard the caller: " + call.GetProperty("turns"));
        Assert.Equal("Sorry, I had a technical problem. Could you say that again?", answered.GetProperty("agentText").GetString());
        Assert.NotEmpty(record.GetProperty("errors").EnumerateArray());
        Assert.DoesNotContain("sk-drill-", call.ToString()); // the provider's key never reaches the record
    }

    [SkippableFact]
    public async Task MediaHost_killed_mid_call_leaves_a_call_finalized_as_failed()
    {
        await using var controlPlane = await LocalControlPlane.StartAsync(new Dictionary<string, string?> { ["Calls:DirectSilenceTimeoutSeconds"] = "5" });
        await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret);
        using var caller = await DemoCaller.StartAsync(mediaHost.SipEndpoint, "What are your opening hours?", leadSeconds: 4, callMilliseconds: 30000);

        // Kill the MediaHost once the call is answered and the greeting reported (the call is in progress).
        await WaitUntilAsync(async () => await controlPlane.CallWithTurnsAsync(1) is not null, TimeSpan.FromSeconds(30));
        mediaHost.Kill();

        var call = await controlPlane.WaitForFinalizedCallAsync(TimeSpan.FromSeconds(40));
        var record = call.GetProperty("record");
        Assert.Equal("Failed", record.GetProperty("outcome").GetString());
        Assert.Equal("MediaHostLost", record.GetProperty("endReason").GetString());
        Assert.Contains("presumed lost", record.GetProperty("reasonText").GetString());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, "condition not met within " + timeout);
            await Task.Delay(250);
        }
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed: connections are refused
    }
}
