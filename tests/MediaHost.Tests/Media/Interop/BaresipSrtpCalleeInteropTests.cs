using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Rtp.Srtp;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.TestSupport;
using static VoiceFunctions.MediaHost.Tests.Media.Interop.BaresipAudioInteropTests;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// We place SRTP calls to the real baresip (its srtp module) over SIP over TLS: our SDES offer under each trunk setting,
/// audio both ways measured as in <see cref="BaresipAudioInteropTests"/>, SRTCP both ways, and the answers that must end
/// the call. baresip's TLS listener is its SIP port + 1; we trust its test certificate by fingerprint.
/// </summary>
[Trait("Category", "Interop")]
[Collection(MeasurementCollection.Name)]
public sealed class BaresipSrtpCalleeInteropTests
{
    [SkippableTheory]
    [InlineData("AES_CM_128_HMAC_SHA1_80", 0)]
    // libre (baresip 1.0) tags SRTCP with the 4-byte RTP tag under _32, against RFC 4568: we follow its layout once its
    // first report arrives, so a report of ours sent before that one may be refused by baresip.
    [InlineData("AES_CM_128_HMAC_SHA1_32", 1)]
    public async Task We_call_baresip_with_SRTP_required_each_side_hears_the_other_and_each_accepts_the_others_SRTCP(string suite, int earlyReportsBaresipMayRefuse)
    {
        await using var callee = await BaresipTlsCallee.StartAsync(";mediaenc=srtp-mand", srtpModule: true);
        var session = await callee.Host.Agent.PlaceCallAsync(callee.Request(MediaEncryption.Required, SrtpSuite.Find(suite)!), CancellationToken.None)
            .DefaultTimeout();
        var media = callee.Media.Last;
        var probe = CallProbe.Start(session, HostTone());

        await ExchangeTonesAndHangUpAsync(probe, callee.Peer);

        AssertEachSideHeardTheOther(probe, callee.Peer, callee.Host);
        var baresip = callee.Peer.Output;
        var context = $"SRTP refused {media.SrtpRefused}, SRTCP (accepted, refused) {media.Srtcp}, reports sent {media.RtcpReportsSent}; baresip said: {baresip}";
        Assert.Contains("srtp-mand", baresip);
        Assert.Contains($"SRTP is Enabled (cryptosuite={suite})", baresip);
        Assert.True(media.SrtpRefused == media.Srtcp.Refused, context); // every SRTP packet of baresip's verified
        Assert.True(media.Srtcp.Accepted > 0, context);
        // The one SRTCP refusal allowed: baresip's plain RTCP APP "PING" (its NAT pinhole) sent before its SRTP starts.
        Assert.True(media.Srtcp.Refused <= 1, context);
        Assert.True(media.RtcpReportsSent > earlyReportsBaresipMayRefuse, context);
        Assert.DoesNotContain("failed to decrypt RTP", baresip, StringComparison.Ordinal);
        Assert.True(Occurrences(baresip, "failed to decrypt RTCP") <= earlyReportsBaresipMayRefuse, context);
    }

    [SkippableFact]
    public async Task With_SRTP_allowed_our_best_effort_offer_becomes_SRTP_when_baresip_speaks_SDES()
    {
        // mediaenc=srtp is baresip's own best effort: it answers our RTP/AVP offer's crypto line.
        await using var callee = await BaresipTlsCallee.StartAsync(";mediaenc=srtp", srtpModule: true);
        var session = await callee.Host.Agent.PlaceCallAsync(callee.Request(MediaEncryption.Allowed), CancellationToken.None).DefaultTimeout();
        var media = callee.Media.Last;
        var probe = CallProbe.Start(session, HostTone());

        await ExchangeTonesAndHangUpAsync(probe, callee.Peer);

        AssertEachSideHeardTheOther(probe, callee.Peer, callee.Host);
        Assert.Contains("SRTP is Enabled (cryptosuite=AES_CM_128_HMAC_SHA1_80)", callee.Peer.Output);
        Assert.True(media.Srtcp.Accepted > 0, $"SRTCP {media.Srtcp}; baresip said: {callee.Peer.Output}");
    }

    [SkippableFact]
    public async Task With_SRTP_allowed_a_callee_without_SDES_answers_plain_and_the_call_has_audio()
    {
        await using var callee = await BaresipTlsCallee.StartAsync("", srtpModule: false);
        var session = await callee.Host.Agent.PlaceCallAsync(callee.Request(MediaEncryption.Allowed), CancellationToken.None).DefaultTimeout();
        var media = callee.Media.Last;
        var probe = CallProbe.Start(session, HostTone());

        await ExchangeTonesAndHangUpAsync(probe, callee.Peer);

        AssertEachSideHeardTheOther(probe, callee.Peer, callee.Host);
        Assert.DoesNotContain("SRTP is Enabled", callee.Peer.Output);
        Assert.Equal((0L, 0L), media.Srtcp); // plain RTCP: no SRTP context
    }

    [SkippableFact]
    public async Task With_SRTP_required_a_callee_without_SDES_does_not_get_a_call_and_the_reason_says_why()
    {
        await using var callee = await BaresipTlsCallee.StartAsync("", srtpModule: false);

        var failure = await Assert.ThrowsAsync<SipCallFailedException>(() =>
            callee.Host.Agent.PlaceCallAsync(callee.Request(MediaEncryption.Required), CancellationToken.None).DefaultTimeout());

        // baresip without SDES either refuses RTP/SAVP (488) or answers without a key; neither becomes a plain call.
        Assert.Equal(488, failure.Status);
        Assert.Matches("488|media encryption is required|without a crypto attribute", failure.Message);
        Assert.Equal(0, callee.Host.Agent.ActiveCalls);
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
