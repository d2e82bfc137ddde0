using System.Text;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.LiveKit.Auth;
using VoiceFunctions.Shared.LiveKit.Webhooks;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>
/// LiveKit names the far end of a SIP participant in sip.phoneNumber and our number in sip.trunkPhoneNumber. In a
/// caller's room the far end called us; in the room of a call we placed the far end is the callee, so the record must
/// name our number as the caller and the callee as the called number (the remote party, the agent's choice and the
/// post-call report read them).
/// </summary>
public sealed class OutboundRoomCallerMappingTests
{
    private const string Ours = "+15550002222";
    private const string Far = "+15550001111";

    [Theory]
    [InlineData("call-out-reminder-1", Ours, Far)]
    [InlineData("call-_+15550001111_abc", Far, Ours)]
    public async Task A_SIP_participant_joining_maps_our_number_and_the_far_end_by_who_placed_the_call(string room, string callerNumber, string calledNumber)
    {
        var body = Encoding.UTF8.GetBytes($$$"""
            {"event":"participant_joined","room":{"sid":"RM_1","name":"{{{room}}}"},
             "participant":{"sid":"PA_1","identity":"sip-far","state":"ACTIVE","kind":"SIP",
               "attributes":{"sip.phoneNumber":"{{{Far}}}","sip.trunkPhoneNumber":"{{{Ours}}}","sip.trunkID":"ST_1","sip.callStatus":"active"}},
             "id":"EV_1","createdAt":"1765000000"}
            """);
        var credentials = new LiveKitCredentials("APImapping", Convert.ToHexString(Guid.NewGuid().ToByteArray()) + Convert.ToHexString(Guid.NewGuid().ToByteArray()));
        var received = await new WebhookReceiver(credentials, TimeProvider.System)
            .ReceiveAsync(new MemoryStream(body), body.Length, new WebhookSigner(credentials, TimeProvider.System).Sign(body), CancellationToken.None);
        Assert.True(received.IsValid, received.Message);

        var route = new WebhookCallMapper("call-", "agent-").Map(received.Event!, DateTimeOffset.UtcNow);

        Assert.NotNull(route);
        Assert.Equal(CallEventKind.CallerJoined, route.Event!.Kind);
        Assert.Equal((callerNumber, calledNumber, "ST_1"), (route.Caller!.CallerNumber, route.Caller.CalledNumber, route.Caller.TrunkId));
    }
}
