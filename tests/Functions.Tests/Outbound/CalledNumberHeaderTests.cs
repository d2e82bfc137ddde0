using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Outbound;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Clients;
using VoiceFunctions.Shared.LiveKit.Api.Models;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// LiveKit mode: the agent's dispatch carries the number the caller dialled, signed with the AgentEvents key, so the
/// MediaHost chooses that number's agent (checked against the loopback LiveKit API double's record of the request).
/// </summary>
public sealed class CalledNumberHeaderTests
{
    [SkippableFact]
    public async Task Sip_dispatch_sends_the_records_called_number_with_a_signature_the_MediaHosts_key_verifies()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        var trunk = await rig.Get<SipServiceClient>().CreateOutboundTrunkAsync(new SipOutboundTrunkInfo { Name = "mediahost", Address = "127.0.0.1:5070", Numbers = ["+70000000000"] });
        rig.LiveKit.State.AddRoom("call-7");
        await rig.Get<CallStore>().CreateAsync(new CallRecord { CallId = "call-7", RoomName = "call-7", CallerNumber = "+15551234567", CalledNumber = "+15550000003", StartedAt = DateTimeOffset.UtcNow });
        var dispatcher = new SipAgentDispatcher(rig.Get<SipServiceClient>(),
            Options.Create(new AgentDispatchOptions { OutboundTrunkId = trunk.SipTrunkId, MediaHostSipUser = "agent" }),
            NullLogger<SipAgentDispatcher>.Instance, ActivatorUtilities.CreateInstance<CalledNumberSigner>(rig.Services));

        await dispatcher.DispatchAsync("call-7", "call-7", 1, CancellationToken.None).DefaultTimeout();

        var headers = Assert.Single(rig.LiveKit.State.GetDials()).Headers;
        Assert.Equal("+15550000003", headers[CalledNumberHeader.Name]);
        var keys = rig.Get<IOptions<AgentEventsOptions>>().Value;
        var verdict = BodySignature.Verify(headers[CalledNumberHeader.SignatureName], CalledNumberHeader.SignedBytes("call-7", "+15550000003"),
            kid => kid == keys.KeyId ? Encoding.UTF8.GetBytes(keys.Secret) : null, DateTimeOffset.UtcNow);
        Assert.Equal(SignatureVerdict.Valid, verdict);
    }

    [SkippableFact]
    public async Task A_call_whose_record_has_no_called_number_gets_no_called_number_header()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        await rig.Get<CallStore>().CreateAsync(new CallRecord { CallId = "call-8", RoomName = "call-8", StartedAt = DateTimeOffset.UtcNow });

        Assert.Empty(await rig.Get<CalledNumberSigner>().HeadersAsync("call-8", CancellationToken.None));
    }

    [SkippableFact]
    public async Task A_call_placed_without_a_caller_id_chooses_its_agent_by_the_trunk_number_LiveKit_called_from()
    {
        await using var rig = await ControlPlaneRig.StartAsync();
        const string callId = "call-out-no-caller-id";
        await rig.Get<CallStore>().CreateAsync(new CallRecord { CallId = callId, RoomName = callId, Direction = CallDirection.Outbound, CalledNumber = "+15550001111", StartedAt = DateTimeOffset.UtcNow });
        // LiveKit names the number it called from on the callee's participant (sip.trunkPhoneNumber: the trunk's first number).
        rig.LiveKit.State.AddParticipant(callId, CalleeAttributes.IdentityFor(callId), Shared.LiveKit.ParticipantKind.Sip,
            new Dictionary<string, string> { ["sip.phoneNumber"] = "+15550001111", ["sip.trunkPhoneNumber"] = "+15550002222" });

        var headers = await rig.Get<CalledNumberSigner>().HeadersAsync(callId, CancellationToken.None);

        Assert.Equal("+15550002222", headers[CalledNumberHeader.Name]);
        var keys = rig.Get<IOptions<AgentEventsOptions>>().Value;
        Assert.Equal(SignatureVerdict.Valid, BodySignature.Verify(headers[CalledNumberHeader.SignatureName], CalledNumberHeader.SignedBytes(callId, "+15550002222"),
            kid => kid == keys.KeyId ? Encoding.UTF8.GetBytes(keys.Secret) : null, DateTimeOffset.UtcNow));
    }
}
