using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Sip.Auth;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Calls.AgentEvents;
using VoiceFunctions.Shared.Calls.Timeline;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.ControlPlane;

/// <summary>
/// The SIP summary of a call, from the user agent through the report to the control plane's timeline: which
/// messages and statuses, in order, and nothing of their headers.
/// </summary>
public sealed class SipCallTraceTests
{
    private const string Password = "s3cret-trunk-password";

    [Fact]
    public async Task The_timeline_built_from_an_authenticated_calls_SIP_summary_never_contains_the_Authorization_value_or_the_password()
    {
        var trace = new SipCallTrace(TimeProvider.System);
        var digest = new DigestServer("voice", u => u == "trunk" ? Password : null, TimeProvider.System);
        using var bed = new SipTestBed(new SipUserAgentOptions { InboundAuthentication = digest, MessageObserver = trace });
        bed.Peer.Send(FakeSipPeer.Request("INVITE", "auth-trace-1", 1, "z9hG4bK-t1", body: FakeSipPeer.Sdp));
        var challenge = Assert.Single(bed.Peer.Responses(401));
        bed.Peer.Send(FakeSipPeer.Request("ACK", "auth-trace-1", 1, "z9hG4bK-t1", challenge.To!.Tag));
        var retry = SipParser.ParseDatagram(Encoding.UTF8.GetBytes(
            FakeSipPeer.Request("INVITE", "auth-trace-1", 2, "z9hG4bK-t2", body: FakeSipPeer.Sdp).Replace("\n", "\r\n"))).Message!;
        Assert.True(DigestClient.TryAuthorize(retry, challenge, new DigestCredentials("trunk", Password), out _));
        var authorization = retry.Headers.Get("Authorization")!;
        bed.Peer.Send(retry);
        var incoming = await bed.Handler.NextAsync().AsTask().DefaultTimeout();
        var session = await incoming.AnswerAsync(CancellationToken.None).DefaultTimeout();
        var tag = bed.Peer.Responses(200).Last().To!.Tag!;
        bed.Peer.Send(FakeSipPeer.Request("ACK", "auth-trace-1", 2, "z9hG4bK-t3", tag));
        bed.Peer.Send(FakeSipPeer.Request("BYE", "auth-trace-1", 3, "z9hG4bK-t4", tag));
        await session.Ended.DefaultTimeout();

        // The hangup report as the MediaHost queues it, through the wire format and the control plane's checks.
        var queue = new CallEventQueue(new ControlPlaneOptions());
        new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance) { Trace = trace }.HungUp("auth-trace-1", CallEndReason.CallerHangUp);
        Assert.True(queue.Reader.TryRead(out var report));
        var wire = AgentEventParser.Serialize(report!);
        var received = AgentEventParser.TryParse(wire, report!.CallId, out var problem);
        Assert.True(received is not null, problem);
        var timeline = CallTimeline.Merge(received.Sip!.Select(TimelineEntries.Sip), []);
        var api = JsonSerializer.Serialize(new CallTimelineResponse(received.CallId, timeline), CallsApiJson.Options);

        Assert.Equal(
            ["INVITE received", "401 sent (INVITE)", "ACK received", "INVITE received", "100 sent (INVITE)", "200 sent (INVITE)", "ACK received", "BYE received", "200 sent (BYE)"],
            timeline.Select(e => e.Name).Where(n => !n.StartsWith("180", StringComparison.Ordinal)));
        foreach (var text in new[] { Encoding.UTF8.GetString(wire), api })
        {
            Assert.DoesNotContain(Password, text);
            Assert.DoesNotContain(authorization, text);
            Assert.DoesNotContain("Digest", text);
            Assert.DoesNotContain("nonce", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("response=", text);
        }
        // The SIP Call-ID stays in the MediaHost: the entries name their leg by a hash.
        Assert.DoesNotContain("auth-trace-1", JsonSerializer.Serialize(timeline, CallsApiJson.Options));
    }

    [Fact]
    public void Only_calls_seen_from_their_first_INVITE_are_traced_and_a_leg_is_cut_at_its_limit()
    {
        var trace = new SipCallTrace(TimeProvider.System);
        using var bed = new SipTestBed(new SipUserAgentOptions { MessageObserver = trace });
        bed.Peer.Send(FakeSipPeer.Request("OPTIONS", "ping-1", 1, "z9hG4bK-o1"));
        Assert.Empty(trace.Snapshot("ping-1"));

        bed.Peer.Send(FakeSipPeer.Request("INVITE", "long-1", 1, "z9hG4bK-l1", body: FakeSipPeer.Sdp));
        for (var i = 0; i < SipMessageSummary.MaxPerLeg + 10; i++)
        {
            bed.Peer.Send(FakeSipPeer.Request("INVITE", "long-1", 1, "z9hG4bK-l1", body: FakeSipPeer.Sdp)); // retransmissions
        }
        var summary = trace.Snapshot("long-1");
        Assert.Equal(SipMessageSummary.MaxPerLeg, summary.Count);
        Assert.Equal(Enumerable.Range(1, SipMessageSummary.MaxPerLeg), summary.Select(s => s.Sequence));
        Assert.All(summary, s => Assert.Null(s.Problem()));
        Assert.Equal(SipCallTrace.LegId("long-1"), summary[0].Leg);
    }

    [Fact]
    public async Task The_hangup_report_of_a_call_we_hung_up_waits_for_the_answer_to_our_BYE_or_at_most_two_seconds()
    {
        var trace = new SipCallTrace(TimeProvider.System);
        using var bed = new SipTestBed(new SipUserAgentOptions { MessageObserver = trace });
        var queue = new CallEventQueue(new ControlPlaneOptions());
        var reporter = new CallEventReporter(queue, TimeProvider.System, NullLogger<CallEventReporter>.Instance) { Trace = trace };
        var (session, _) = await bed.ConnectAsync("bye-answered");

        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None).DefaultTimeout();
        reporter.HungUp("bye-answered", CallEndReason.AgentHangUp);
        Assert.False(queue.Reader.TryRead(out _)); // our BYE is not answered yet
        var bye = bed.Peer.Requests("BYE").Single();
        bed.Peer.Send(SipResponseBuilder.Create(bye, 200, "OK"));
        var report = await queue.Reader.ReadAsync().AsTask().DefaultTimeout();

        Assert.Equal(AgentEventType.Hangup, report.Type);
        Assert.Equal(["BYE sent", "200 received (BYE)"], report.Sip!.TakeLast(2).Select(m => m.Describe()));
        Assert.Empty(trace.Snapshot("bye-answered")); // the leg is forgotten once reported
    }
}
