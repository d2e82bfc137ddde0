using System.Text.Json;
using Microsoft.DurableTask;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.LiveKit.Api.Errors;
using VoiceFunctions.Shared.Outbound;
using VoiceFunctions.TestSupport;
using VoiceFunctions.TestSupport.LoopbackLiveKit;

namespace VoiceFunctions.Functions.Tests.Outbound;

/// <summary>The post-call webhook: signed, verified by a receiver written from the documented procedure, retried until accepted.</summary>
public sealed class PostCallReportTests
{
    private static async Task<(OutboundHarness Harness, SignatureCheckingReceiver Receiver)> StartAsync()
    {
        var receiver = await SignatureCheckingReceiver.StartAsync(OutboundHarness.ReportSecret);
        var harness = await OutboundHarness.StartAsync(s =>
        {
            s["PostCallReport:Url"] = receiver.Url.ToString();
            s["PostCallReport:KeyId"] = "k1";
            s["PostCallReport:Secret"] = OutboundHarness.ReportSecret;
        });
        return (harness, receiver);
    }

    [SkippableFact]
    public async Task An_answered_call_is_reported_once_finalized_with_a_signature_the_receiver_verifies()
    {
        var (harness, receiver) = await StartAsync();
        await using var _ = harness;
        await using var __ = receiver;
        var start = new CallStart("call-direct-report", "call-direct-report", DateTimeOffset.UtcNow,
            new CallerInfo("sip_+15550003333", "+15550003333", "+15550004444", "direct"), CallOrchestrationHarness.FastSettings, Direct: true);

        await harness.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CallOrchestrator), start, new StartOrchestrationOptions(InstanceId: start.CallId)).DefaultTimeout();
        await harness.Client.RaiseEventAsync(start.CallId, CallEvent.EventName, new CallEvent(CallEventKind.CallerLeft, DateTimeOffset.UtcNow)).DefaultTimeout();
        await harness.Client.WaitForInstanceCompletionAsync(start.CallId).DefaultTimeout();
        var accepted = await receiver.FirstAccepted.Task.DefaultTimeout();

        Assert.True(accepted.SignatureValid);
        Assert.Equal("k1", accepted.KeyId);
        var report = JsonSerializer.Deserialize<PostCallReport>(accepted.Body, CallsApiJson.Options)!;
        Assert.Equal(("call-direct-report", CallDirection.Inbound, CallOutcome.Completed, CallEndReason.CallerHangUp),
            (report.CallId, report.Direction, report.Outcome, report.EndReason));
        Assert.Equal("+15550003333", report.CallerNumber);
        Assert.Equal(report.DeliveryId, accepted.DeliveryId);
        Assert.Single(receiver.Received);
    }

    [SkippableFact]
    public async Task A_receiver_failing_with_500_gets_the_report_again_until_it_accepts_it_and_every_attempt_is_on_the_timeline()
    {
        var (harness, receiver) = await StartAsync();
        await using var _ = harness;
        await using var __ = receiver;
        harness.Rig.LiveKit.OnCreateSipParticipant = (_, _) => throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.Unavailable, 486, "Busy Here");
        // More failures than one attempt's quick retries (1 + 3): the durable retry must carry it over.
        receiver.FailNext(500, 500, 500, 500, 500);

        var placed = await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111" });
        var accepted = await receiver.FirstAccepted.Task.DefaultTimeout();

        Assert.Equal(6, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.True(r.SignatureValid));
        Assert.All(receiver.Received, r => Assert.Equal(accepted.DeliveryId, r.DeliveryId)); // one delivery id: the receiver can de-duplicate
        var report = JsonSerializer.Deserialize<PostCallReport>(accepted.Body, CallsApiJson.Options)!;
        Assert.Equal((placed.CallId, CallDirection.Outbound, CallOutcome.Abandoned), (report.CallId, report.Direction, report.Outcome));
        await harness.WaitForDialAsync(placed.CallId);
        var steps = (await harness.Store.GetTimelineAsync(placed.CallId)).Where(e => e.Name == "post-call report").Select(e => e.Detail).ToList();
        Assert.Contains("not delivered, will retry: the receiver answered HTTP 500", steps);
        Assert.Contains("delivered (HTTP 200)", steps);
    }

    [SkippableFact]
    public async Task The_report_holds_no_secret_of_the_deployment()
    {
        var (harness, receiver) = await StartAsync();
        await using var _ = harness;
        await using var __ = receiver;
        harness.Rig.LiveKit.OnCreateSipParticipant = (_, _) => throw LoopbackTwirpException.SipCallFailed(TwirpErrorCode.Unavailable, 480, "Temporarily Unavailable");

        await harness.PlaceOkAsync(new PlaceCallRequest { To = "+15550001111", Variables = new() { ["name"] = "Ada" } });
        var accepted = await receiver.FirstAccepted.Task.DefaultTimeout();

        foreach (var secret in new[] { OutboundHarness.ReportSecret, harness.Rig.ApiKeySecret, harness.Rig.LiveKit.ApiSecret, harness.Rig.LiveKit.Url.ToString() })
        {
            Assert.DoesNotContain(secret, accepted.Body);
        }
    }

    [Fact]
    public void A_signature_is_refused_when_the_body_time_key_or_format_is_wrong()
    {
        var secret = "0123456789abcdef0123456789abcdef"u8.ToArray();
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);
        var body = "{\"callId\":\"c1\"}"u8.ToArray();
        var header = BodySignature.Sign(body, "k1", secret, now);
        byte[]? Keys(string kid) => kid == "k1" ? secret : null;

        Assert.Equal(SignatureVerdict.Valid, BodySignature.Verify(header, body, Keys, now.AddSeconds(30)));
        Assert.Equal(SignatureVerdict.Mismatch, BodySignature.Verify(header, "{\"callId\":\"c2\"}"u8, Keys, now));
        Assert.Equal(SignatureVerdict.Stale, BodySignature.Verify(header, body, Keys, now.AddMinutes(6)));
        Assert.Equal(SignatureVerdict.UnknownKey, BodySignature.Verify(header.Replace("kid=k1", "kid=k2"), body, Keys, now));
        Assert.Equal(SignatureVerdict.Malformed, BodySignature.Verify("t=1,v1=zz", body, Keys, now));
        Assert.Equal(SignatureVerdict.Missing, BodySignature.Verify(null, body, Keys, now));
    }
}
