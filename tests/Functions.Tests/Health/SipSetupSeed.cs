using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;

namespace VoiceFunctions.Functions.Tests.Health;

/// <summary>
/// The SIP set-up a working line has in LiveKit (one inbound trunk with a number, one dispatch rule over it), made in
/// the rig's LiveKit stand-in so the health check's SIP component finds nothing missing.
/// </summary>
internal static class SipSetupSeed
{
    public static async Task SeedSipSetupAsync(this ControlPlaneRig rig)
    {
        var sip = rig.Get<SipServiceClient>();
        var inbound = await sip.CreateInboundTrunkAsync(new SipInboundTrunkInfo { Name = "provider", Numbers = ["+74950000000"] });
        await sip.CreateDispatchRuleAsync(new SipDispatchRuleInfo
        {
            Rule = new SipDispatchRule { DispatchRuleIndividual = new SipDispatchRuleIndividual { RoomPrefix = "call-" } },
            TrunkIds = [inbound.SipTrunkId],
        });
    }
}
