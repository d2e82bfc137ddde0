using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Outbound;

/// <summary>
/// An outbound call in direct mode, end to end on loopback: POST /api/calls on the local control plane → the dial
/// orchestration → the MediaHost process dials sipp (the callee) → the agent talks → sipp hangs up → the call's
/// record is finalized under the id the API gave.
/// </summary>
[Trait("Category", "System")]
public sealed class DirectOutboundCallTests
{
    [SkippableFact]
    public async Task A_call_placed_through_the_API_is_dialled_by_the_MediaHost_answered_by_sipp_and_finalized_under_the_APIs_call_id()
    {
        using var callee = SippCallee.Start("outbound-callee-answer-bye.xml");
        var controlPlanePort = FreePort.Next();
        var eventsSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var mediaHost = await SystemMediaHost.StartAsync(new Uri($"http://127.0.0.1:{controlPlanePort}"), eventsSecret,
            new Dictionary<string, string> { ["Outbound__Trunk"] = $"127.0.0.1:{callee.Port}", ["Outbound__DefaultFrom"] = "+15550002222" });
        await using var controlPlane = await LocalControlPlane.StartAsync(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{controlPlanePort}",
            ["AgentEvents:Secret"] = eventsSecret,
            ["Outbound:Mode"] = "Direct",
            ["Outbound:MediaHostUrl"] = $"http://127.0.0.1:{mediaHost.HttpPort}",
        });

        using var response = await controlPlane.Http.PostAsJsonAsync("/api/calls",
            new PlaceCallRequest { To = "+15550001111", RingTimeoutSeconds = 15, Variables = new() { ["name"] = "Ada" } }, CallsApiJson.Options);
        Assert.True(response.StatusCode == global::System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var placed = (await response.Content.ReadFromJsonAsync<PlaceCallResponse>(CallsApiJson.Options))!;

        var dial = await controlPlane.WaitForDialAsync(placed.CallId);
        Assert.True(dial.Outcome == DialOutcome.Answered, $"dial: {dial}\nMediaHost:\n{Tail(mediaHost.Log)}");
        var call = await controlPlane.WaitForCallAsync(placed.CallId, c => c.GetProperty("record").GetProperty("outcome").GetString() != "InProgress",
            // A bound for a hang, not a timing: under load 60 on 2 cores the finalization once took over 30 s.
            TimeSpan.FromSeconds(90), "the outbound call finalized");
        var record = call.GetProperty("record");
        Assert.Equal("Completed", record.GetProperty("outcome").GetString());
        Assert.Equal("CallerHangUp", record.GetProperty("endReason").GetString());
        Assert.Equal("+15550001111", record.GetProperty("calledNumber").GetString());
        var (exitCode, output) = await callee.WaitAsync();
        Assert.True(exitCode == 0, $"sipp (callee) failed:\n{output}");
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
