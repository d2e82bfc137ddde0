using System.Text.Json;
using VoiceFunctions.Functions.Webhooks;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// Outage drills on the whole system (direct mode, a real sipp call): the control plane's host or its storage goes
/// away mid-call and comes back. Nothing hangs, no event is lost, and the call still ends with a recorded outcome.
/// </summary>
[Trait("Category", "System")]
public sealed class OutageDrillTests
{
    /// <summary>
    /// The local host keeps its orchestrations in the task hub in Azurite (the Durable Azure Storage provider), so a
    /// restart loses nothing: the MediaHost's queue retries each event until the host answers again (turns are
    /// stored), and its hangup is raised into the same orchestration, which finalizes the call as it would have
    /// without the restart (not the orphan path, <see cref="OrphanedCallCloser"/>, that a lost orchestration takes).
    /// </summary>
    [SkippableFact]
    public async Task Control_plane_restarted_mid_call_still_stores_the_later_turns_and_its_surviving_orchestration_finalizes_the_call()
    {
        await using var controlPlane = await LocalControlPlane.StartAsync(DrillSettings());
        await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, DrillMediaHost());
        using var caller = await DemoCaller.StartAsync(mediaHost.SipEndpoint, "What are your opening hours?", leadSeconds: 4, callMilliseconds: 20000);
        var callId = await GreetedCallIdAsync(controlPlane);
        var turnsBefore = await StoredTurnsAsync(controlPlane, callId);

        await controlPlane.RestartAsync(downtime: TimeSpan.FromSeconds(2));

        var (exitCode, output) = await caller.WaitAsync();
        Assert.True(exitCode == 0, $"sipp failed:\n{output}");
        var call = await controlPlane.WaitForCallAsync(callId, LocalControlPlane.IsFinalized, FinalizeBound, "the call finalized after the restart");
        var record = call.GetProperty("record");
        Assert.True(record.GetProperty("endReason").GetString() == "CallerHangUp", $"{call}\nMediaHost:\n{mediaHost.Log[^Math.Min(6000, mediaHost.Log.Length)..]}");
        Assert.Equal("Completed", record.GetProperty("outcome").GetString());
        Assert.DoesNotContain(OrphanedCallCloser.ReasonPrefix, record.GetProperty("reasonText").GetString());
        Assert.True(call.GetProperty("turns").GetArrayLength() > turnsBefore, $"no turn reported after the restart was stored (had {turnsBefore}): " + call.GetProperty("turns"));
        Assert.Equal(call.GetProperty("turns").GetArrayLength(), record.GetProperty("turnCount").GetInt32());
        Assert.DoesNotContain("not delivered after", mediaHost.Log); // no event given up
    }

    /// <summary>
    /// Storage gone for a few seconds mid-call: the control plane's storage calls retry (the Azure SDK's own retries,
    /// then a 5xx that the MediaHost's queue retries; the orchestration's activities have their retry policies), so
    /// the orchestration finalizes the call as usual once Azurite is back.
    /// </summary>
    [SkippableFact]
    public async Task Azurite_restarted_mid_call_loses_no_event_and_the_call_is_finalized_as_completed()
    {
        await using var azurite = await DedicatedAzurite.StartAsync();
        var settings = DrillSettings();
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        await using var controlPlane = await LocalControlPlane.StartAsync(settings);
        await using var mediaHost = await SystemMediaHost.StartAsync(controlPlane.BaseUrl, controlPlane.EventsSecret, DrillMediaHost());
        using var caller = await DemoCaller.StartAsync(mediaHost.SipEndpoint, "What are your opening hours?", leadSeconds: 4, callMilliseconds: 20000);
        var callId = await GreetedCallIdAsync(controlPlane);
        var turnsBefore = await StoredTurnsAsync(controlPlane, callId);

        await azurite.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(4));
        await azurite.StartAgainAsync();

        var (exitCode, output) = await caller.WaitAsync();
        Assert.True(exitCode == 0, $"sipp failed:\n{output}");
        var call = await controlPlane.WaitForCallAsync(callId, LocalControlPlane.IsFinalized, FinalizeBound, "the call finalized after the storage outage");
        var record = call.GetProperty("record");
        Assert.Equal(("Completed", "CallerHangUp"), (record.GetProperty("outcome").GetString(), record.GetProperty("endReason").GetString()));
        Assert.True(call.GetProperty("turns").GetArrayLength() > turnsBefore, $"no turn reported after the outage was stored (had {turnsBefore}): " + call.GetProperty("turns"));
        Assert.Equal(call.GetProperty("turns").GetArrayLength(), record.GetProperty("turnCount").GetInt32());
        Assert.DoesNotContain("not delivered after", mediaHost.Log);
    }

    /// <summary>
    /// A bound for a call that is never finalized, not a timing: the finalize waits for the call's end (20 s of call),
    /// the work the outage left hidden (<see cref="ShortVisibilityHostJson.Visibility"/>) and a saturated machine.
    /// </summary>
    private static readonly TimeSpan FinalizeBound = TimeSpan.FromSeconds(180);

    /// <summary>The control plane's work taken before the outage is visible again after seconds, not the provider's 5 minutes.</summary>
    private static Dictionary<string, string?> DrillSettings() =>
        new() { ["LocalHost:HostJsonPath"] = ShortVisibilityHostJson.Write("drill-" + Guid.NewGuid().ToString("N")[..12]) };

    /// <summary>
    /// The demo dialog; the MediaHost retries each event for about 30 s (8 attempts; 6, about 8 s, by default), longer
    /// than the host takes to start again on a saturated machine, so no event is given up during the outage.
    /// </summary>
    private static Dictionary<string, string> DrillMediaHost() => new()
    {
        ["AiLoop__Providers__DialogScriptPath"] = Path.Combine(AppContext.BaseDirectory, "demo-dialog.yaml"),
        ["ControlPlane__MaxAttempts"] = "8",
    };

    /// <summary>
    /// The turns stored just before the outage. A turn stored after it (the question's answer, or the agent's re-prompt
    /// when the saturated recogniser heard nothing: the drill is about losing no event, not about recognition, which
    /// DemoCallTests checks) is one the MediaHost reported across the outage.
    /// </summary>
    private static async Task<int> StoredTurnsAsync(LocalControlPlane controlPlane, string callId) =>
        (await controlPlane.GetCallAsync(callId))!.Value.GetProperty("turns").GetArrayLength();

    /// <summary>Waits until the call is answered and its greeting reported (the call is in progress); returns its id.</summary>
    private static async Task<string> GreetedCallIdAsync(LocalControlPlane controlPlane)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(90); // a bound: the greeting took over 30 s under saturation
        while (true)
        {
            if (await controlPlane.CallWithTurnsAsync(1) is { } call)
            {
                return call.GetProperty("record").GetProperty("callId").GetString()!;
            }
            Assert.True(DateTimeOffset.UtcNow < deadline, "no call answered and greeted within 90 s");
            await Task.Delay(250);
        }
    }
}
