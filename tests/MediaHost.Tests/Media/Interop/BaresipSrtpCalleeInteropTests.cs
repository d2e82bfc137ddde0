using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Rtp.Srtp;
using VoiceFunctions.MediaHost.Sip.Sdp;
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

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
