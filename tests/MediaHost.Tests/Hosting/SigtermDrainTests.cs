using System.Diagnostics;
using System.Text;
using VoiceFunctions.MediaHost.Tests.Sip.Interop;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Hosting;

/// <summary>
/// SIGTERM to the whole MediaHost process, as a container stop sends it: new calls are refused with 503 while the
/// call in progress goes on; at the drain timeout that call is hung up politely (BYE, answered 200 by sipp) and
/// the process exits 0, having reported the call's end (with its SIP summary) to the control plane.
/// </summary>
public sealed class SigtermDrainTests
{
    private const int DrainSeconds = 4;

    [SkippableFact]
    public async Task On_SIGTERM_new_calls_get_503_the_call_in_progress_goes_on_and_is_hung_up_with_BYE_at_the_drain_timeout()
    {
        RequiredTool.Command("sipp", "the Debian package sip-tester (scripts/install-test-deps.sh)");
        using var controlPlane = new RecordingControlPlane();
        await using var host = await EchoMediaHost.StartAsync(DrainSeconds, controlPlane);
        using var caller = Sipp.Start("uac-wait-for-bye.xml", host.SipEndpoint);
        await WaitForActiveCallsAsync(host, 1);

        host.SendSigterm();
        var signalled = Stopwatch.StartNew();
        using var probe = new UdpProbe();
        var refused = await InviteUntilRefusedAsync(probe, host);
        var callStillUp = !caller.HasExited;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var health = await http.GetAsync($"http://127.0.0.1:{host.HttpPort}/health");
        var healthBody = await health.Content.ReadAsStringAsync();
        var (sippExit, sippOutput) = await caller.WaitAsync();
        var byeAfter = signalled.Elapsed;
        var exitCode = await host.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.StartsWith("SIP/2.0 503 ", refused);
        Assert.True(callStillUp, "the call in progress ended before the drain timeout\n" + sippOutput);
        Assert.Equal(503, (int)health.StatusCode); // readiness says "draining": no new calls are routed here
        Assert.Contains("\"status\":\"draining\"", healthBody);
        Assert.Contains("\"activeCalls\":", healthBody);
        Assert.True(sippExit == 0, "sipp did not get the BYE (and answer it) as its scenario expects:\n" + sippOutput + "\n" + host.Log);
        // The BYE came at the drain timeout, not at the signal: the call was kept up while draining.
        Assert.True(byeAfter >= TimeSpan.FromSeconds(DrainSeconds - 0.5), $"BYE after {byeAfter.TotalSeconds:0.0} s, before the {DrainSeconds} s drain");
        Assert.True(exitCode == 0, $"exit code {exitCode}\n{host.Log}");
        Assert.Contains("Shutdown", host.Log);
        // The call's end reached the control plane before the exit, with its SIP summary: the polite hang-up.
        var hangup = Assert.Single(controlPlane.Events, e => e.Type == AgentEventType.Hangup && e.EndReason == CallEndReason.Shutdown
            && e.Sip!.Any(m => m.Method == "INVITE" && m.Direction == SipMessageDirection.Received && m.Sequence == 1)
            && e.Sip!.Any(m => m.Describe() == "ACK received"));
        Assert.Equal(["BYE sent", "200 received (BYE)"], hangup.Sip!.TakeLast(2).Select(m => m.Describe()));
    }

    private static async Task WaitForActiveCallsAsync(MediaHostProcess host, int calls)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TaskTimeoutExtensions.Standard;
        var last = "";
        while (DateTime.UtcNow < deadline)
        {
            last = await http.GetStringAsync($"http://127.0.0.1:{host.HttpPort}/health");
            if (last.Contains($"\"activeCalls\":{calls}", StringComparison.Ordinal))
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"the MediaHost never had {calls} active call(s); last health: {last}\n{host.Log}");
    }

    /// <summary>
    /// Sends fresh INVITEs until one gets a final answer: the signal reaches the host asynchronously, so an INVITE
    /// sent a moment too early is answered as a normal call would be (it is then cancelled with the probe).
    /// </summary>
    private static async Task<string> InviteUntilRefusedAsync(UdpProbe probe, MediaHostProcess host)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(DrainSeconds - 1);
        var answers = new StringBuilder();
        for (var i = 0; DateTime.UtcNow < deadline; i++)
        {
            probe.Send(Invite(probe, host, "drain-probe-" + i), host.SipEndpoint);
            for (var answer = await probe.ReceiveAsync(TimeSpan.FromSeconds(1)); answer is not null; answer = await probe.ReceiveAsync(TimeSpan.FromMilliseconds(200)))
            {
                if (answer.StartsWith("SIP/2.0 503 ", StringComparison.Ordinal))
                {
                    return answer;
                }
                answers.AppendLine(answer.Split("\r\n")[0]);
            }
        }
        return "no 503 during the drain; answers: " + answers;
    }

    private static byte[] Invite(UdpProbe probe, MediaHostProcess host, string callId)
    {
        const string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n";
        return Encoding.ASCII.GetBytes(
            $"INVITE sip:+15550001111@{host.SipEndpoint} SIP/2.0\r\nVia: SIP/2.0/UDP {probe.Local};branch=z9hG4bK-{callId};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:probe@{probe.Local}>;tag=p-{callId}\r\nTo: <sip:+15550001111@{host.SipEndpoint}>\r\nCall-ID: {callId}\r\nCSeq: 1 INVITE\r\n" +
            $"Contact: <sip:probe@{probe.Local}>\r\nContent-Type: application/sdp\r\nContent-Length: {sdp.Length}\r\n\r\n{sdp}");
    }
}
