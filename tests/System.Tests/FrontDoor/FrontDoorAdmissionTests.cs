namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// The front door's per-source limits (pike, calls per minute) with the deployment's settings, the real Kamailio
/// over a real MediaHost: a flooding source is cut off at the front door and a source over its call rate refused,
/// while a caller from another address, over TCP, still gets its calls through to the MediaHost.
/// </summary>
[Trait("Category", "System")]
[Collection(FrontDoorCollection.Name)]
public sealed class FrontDoorAdmissionTests
{
    private static readonly TimeSpan SippTimeout = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task A_flooding_source_is_banned_and_one_over_its_call_rate_refused_at_the_front_door_while_a_caller_over_TCP_gets_through()
    {
        await using var fleet = await MediaHostFleet.StartAsync(1, drainTimeoutSeconds: 1);
        // The deployment's pike limit (20 requests per source per 2 s, then a ban) and, to keep the test short, 3 new
        // calls per source per minute instead of 60.
        await using var frontDoor = await KamailioFrontDoor.StartWithDeploymentLimitsAsync(fleet.SipEndpoints, "CALLS_PER_MINUTE=3");

        // 200 requests at once from 127.0.0.2: answered up to the pike limit, then dropped unanswered.
        using var flooder = new FloodingSource(frontDoor.SipEndpoint);
        var answered = await flooder.FloodAsync(200, TimeSpan.FromSeconds(2));
        Assert.InRange(answered, 1, 100);

        // A caller on 127.0.0.1, over one TCP connection to the front door: its calls reach the MediaHost (over UDP)
        // and end normally, their ACK and BYE following the Record-Route set across the change of transport.
        using (var tcpCaller = SippLoad.Start(frontDoor.SipEndpoint, "frontdoor-call.xml", calls: 3, rate: 3, callMilliseconds: 300, overTcp: true))
        {
            var outcome = await tcpCaller.WaitAsync(SippTimeout);
            Assert.True(outcome.ExitCode == 0 && outcome.Successful == 3, $"{outcome.Successful} of 3 calls over TCP succeeded:\n{outcome.Errors}\n{frontDoor.Log}");
        }

        // A caller on 127.0.0.3 places 4 calls: 3 get through, the 4th is refused by the front door (503, Retry-After).
        using (var eager = SippLoad.Start(frontDoor.SipEndpoint, "frontdoor-call.xml", calls: 4, rate: 2, callMilliseconds: 200, localAddress: "127.0.0.3"))
        {
            var outcome = await eager.WaitAsync(SippTimeout);
            Assert.True(outcome.Successful == 3 && outcome.Failed == 1, $"{outcome.Successful} succeeded, {outcome.Failed} failed of 4 calls from one source:\n{outcome.Errors}");
            Assert.Contains("503 Call Rate Exceeded", outcome.Errors, StringComparison.Ordinal);
        }

        // The MediaHost answered exactly the 6 calls let through. The flooder is still banned: its next request goes
        // unanswered while the same request from a new source (127.0.0.4), sent at the same moment, is answered.
        Assert.Equal(6, await MediaHostFleet.AnsweredAsync(fleet.Hosts[0]));
        using var newcomer = new FloodingSource(frontDoor.SipEndpoint, "127.0.0.4");
        var probes = await Task.WhenAll(flooder.FloodAsync(1, TimeSpan.FromSeconds(3)), newcomer.FloodAsync(1, TimeSpan.FromSeconds(3)));
        Assert.Equal([0, 1], probes);
    }
}
