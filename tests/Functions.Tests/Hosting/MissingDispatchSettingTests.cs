using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Health;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Hosting;

/// <summary>
/// A missing dispatch setting degrades the control plane instead of stopping it: the webhook endpoint stays up, every
/// dispatch is refused with the setting's name (so the call is recorded with that reason), and the SIP health check
/// reports it (so the health monitor alerts).
/// </summary>
public sealed class MissingDispatchSettingTests
{
    [SkippableFact]
    public async Task Missing_outbound_trunk_setting_leaves_the_services_up_refuses_every_dispatch_with_its_name_and_degrades_sip_health()
    {
        await using var rig = await ControlPlaneRig.StartAsync(s => s.Remove("AgentDispatch:OutboundTrunkId"));

        Assert.Equal(AgentDispatchMode.Sip, rig.Get<IOptions<AgentDispatchOptions>>().Value.Mode); // validation passes: the worker starts
        var refused = await Assert.ThrowsAsync<AgentDispatchRejectedException>(() =>
            rig.Get<IAgentDispatcher>().DispatchAsync("call-1", "call-1", 1, CancellationToken.None));
        Assert.Contains("AgentDispatch:OutboundTrunkId is not set", refused.Message, StringComparison.Ordinal);
        Assert.Empty(rig.LiveKit.State.GetDials()); // nothing was sent to LiveKit

        var sip = await rig.Get<HealthChecker>().CheckSipAsync(CancellationToken.None).DefaultTimeout();
        Assert.Equal(HealthStatus.Degraded, sip.Status);
        Assert.Contains("AgentDispatch:OutboundTrunkId is not set", sip.Detail, StringComparison.Ordinal);
    }
}
