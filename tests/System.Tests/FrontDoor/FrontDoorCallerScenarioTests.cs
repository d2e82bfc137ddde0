namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// The front-door tests' caller (sipp with frontdoor-call.xml) behaves as a phone when answers arrive out of order:
/// the front door's UDP workers may deliver the MediaHost's 180 after its 200 (seen in the flaky runs, where the
/// caller went back to wait for a second 200 and the call hung until the MediaHost's RTP timeout hung it up).
/// </summary>
[Trait("Category", "System")]
public sealed class FrontDoorCallerScenarioTests
{
    [SkippableFact]
    public async Task Caller_scenario_hangs_up_normally_when_a_provisional_answer_arrives_after_the_200_from_a_double_callee()
    {
        using var callee = new LateProvisionalCalleeDouble();
        using var load = SippLoad.Start(callee.Endpoint, "frontdoor-call.xml", calls: 3, rate: 10, callMilliseconds: 200);

        var outcome = await load.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(outcome.ExitCode == 0 && outcome.Successful == 3, $"{outcome.Successful} of 3 calls succeeded:\n{outcome.Errors}");
        Assert.Equal(3, callee.CallsHungUp);
    }
}
