using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.System.Tests.Outbound;

/// <summary>
/// The late answer across both planes, on loopback: the local control plane dials through the MediaHost process and
/// gives up on the dial (its deadline is the ring timeout plus a 1 s margin) while the MediaHost's answering-machine
/// detection still listens to the callee (sipp, silent, answered after 4 s of ringing; detection decides at 10 s), so
/// the call is settled as not answered. The MediaHost's "answered" then gets CallAlreadyFinished (the late-answer rule),
/// and the live callee must get its BYE instead of talking to an agent nobody records.
/// </summary>
[Trait("Category", "System")]
public sealed class LateAnswerHangUpTests
{
    [SkippableFact]
    public async Task Callee_who_answers_after_the_control_plane_gave_up_on_the_dial_is_hung_up_by_the_MediaHost_and_the_record_stays_unanswered()
    {
        using var callee = SippCallee.Start("outbound-callee-late-answer-await-bye.xml"); // fails unless our BYE comes within 20 s of its ACK
        var controlPlanePort = FreePort.Next();
        var eventsSecret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        await using var mediaHost = await SystemMediaHost.StartAsync(new Uri($"http://127.0.0.1:{controlPlanePort}"), eventsSecret, new Dictionary<string, string>
        {
            ["Outbound__Trunk"] = $"127.0.0.1:{callee.Port}",
            ["Outbound__DefaultFrom"] = "+15550002222",
            // The answer reaches the control plane only once detection has decided: 10 s after the callee picked up.
            ["Outbound__AmdAction"] = "LeaveMessage",
            ["Outbound__Amd__MaxDecisionMs"] = "10000",
            // The silent callee must not be ended for want of RTP before the hang-up under test.
            ["Rtp__MediaTimeoutSeconds"] = "120",
            ["Rtp__FirstPacketTimeoutSeconds"] = "120",
        });
        await using var controlPlane = await LocalControlPlane.StartAsync(new Dictionary<string, string?>
        {
            ["urls"] = $"http://127.0.0.1:{controlPlanePort}",
            ["AgentEvents:Secret"] = eventsSecret,
            ["Outbound:Mode"] = "Direct",
            ["Outbound:MediaHostUrl"] = $"http://127.0.0.1:{mediaHost.HttpPort}",
            ["Outbound:MediaHostMarginSeconds"] = "1",
        });

        using var response = await controlPlane.Http.PostAsJsonAsync("/api/calls",
            new PlaceCallRequest { To = "+15550001111", RingTimeoutSeconds = 5, Variables = [] }, CallsApiJson.Options);
        Assert.True(response.StatusCode == global::System.Net.HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var placed = (await response.Content.ReadFromJsonAsync<PlaceCallResponse>(CallsApiJson.Options))!;

        // 6 s after the request the control plane stops waiting and writes the call as not answered, about 8 s before the answer.
        var dial = await controlPlane.WaitForDialAsync(placed.CallId);
        Assert.True(dial.Outcome != DialOutcome.Answered, $"dial: {dial}");
        var (exitCode, output) = await callee.WaitAsync();
        Assert.True(exitCode == 0, $"sipp (callee) did not get the MediaHost's BYE within 20 s of answering:\n{output}\nMediaHost:\n{Tail(mediaHost.Log)}");
        Assert.Contains($"Call {placed.CallId}: the control plane had already finished this call (its answer to our Answered event); hanging up", mediaHost.Log);
        Assert.DoesNotContain("+15550001111", mediaHost.Log);
        // The hang-up's report reaches the call's timeline with its reason; the record is the unanswered one, untouched.
        var call = await controlPlane.WaitForCallAsync(placed.CallId,
            c => c.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("detail").GetString() == "ended by: " + CallEndReason.ControlPlaneFinished),
            TimeSpan.FromSeconds(30), "the MediaHost's hang-up on the call's timeline");
        var record = call.GetProperty("record");
        Assert.NotEqual("Completed", record.GetProperty("outcome").GetString());
        Assert.NotEqual("InProgress", record.GetProperty("outcome").GetString());
        Assert.True(record.TryGetProperty("answeredAt", out var answeredAt) is false || answeredAt.ValueKind == JsonValueKind.Null, record.ToString());
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;
}
