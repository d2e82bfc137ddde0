using System.Globalization;
using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// Calls we place, answered by a sipp whose 200 routes the dialog elsewhere (a Record-Route, loose or strict, or a
/// Contact at another port): our ACK and BYE must reach that next hop, a second sipp that checks their Request-URI
/// and Route headers (RFC 3261 section 12.2.1.1) — never the address that answered.
/// </summary>
[Trait("Category", "Interop")]
public sealed class SippDialogRoutingInteropTests
{
    [SkippableTheory]
    [InlineData("loose")]
    [InlineData("strict")]
    [InlineData("contact")]
    public async Task ACK_and_BYE_of_a_placed_call_go_to_the_dialogs_next_hop_not_to_the_answering_address(string routing)
    {
        using var server = new LoopbackSipServer(ScriptedCallHandler.AnswerAndHold());
        using var nextHop = Sipp.Start($"uas-next-hop-{routing}.xml", target: null);
        var routingHeader = routing switch
        {
            "loose" => $"Record-Route: <sip:127.0.0.1:{nextHop.Port};lr>",
            "strict" => $"Record-Route: <sip:127.0.0.1:{nextHop.Port}>",
            _ => "X-Routing: contact-only",
        };
        // With a route set the Contact points at a port nobody listens on: the route alone must carry the requests.
        var contactPort = routing == "contact" ? nextHop.Port : FreePort.NextUdp();
        using var callee = Sipp.Start("uas-callee-routed-answer.xml", target: null,
            "-set", "routing", routingHeader, "-set", "targetport", contactPort.ToString(CultureInfo.InvariantCulture));
        await Task.Delay(300); // let both bind; a lost INVITE would be retransmitted anyway (Timer A)

        var calleeAddress = new IPEndPoint(IPAddress.Loopback, callee.Port);
        var session = await server.Agent.PlaceCallAsync(
            new SipOutboundCallRequest($"sip:+15550001111@{calleeAddress}", calleeAddress, "agent"), CancellationToken.None).DefaultTimeout();
        var (calleeExit, calleeOutput) = await callee.WaitAsync();
        Assert.True(calleeExit == 0, $"the answering sipp failed:\n{calleeOutput}");
        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);

        var (exitCode, output) = await nextHop.WaitAsync();
        Assert.True(exitCode == 0, $"the next hop ({routing}) did not get a correct ACK and BYE:\n{output}");
        Assert.Equal(0, server.Agent.ActiveCalls);
    }
}
