using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Sip.Interop;
using VoiceFunctions.MediaHost.Tests.Support;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// DTMF with real peers, both ways: baresip's keys (RFC 4733 events) reach the audio loop's digit stream exactly
/// once each; the digits the MediaHost sends through <see cref="ICallSession.SendDtmfAsync"/> reach baresip
/// exactly once each, as RFC 4733 events, or as SIP INFO when telephone-event was not negotiated; and sipp's SIP
/// INFO digits reach the digit stream exactly once each.
/// </summary>
[Trait("Category", "Interop")]
[Collection(MeasurementCollection.Name)]
public sealed class DtmfInteropTests
{
    private const string Keys = "159*0#";

    [SkippableTheory]
    [InlineData("PCMU")]
    [InlineData("opus")]
    public async Task Keys_baresip_sends_as_RFC_4733_events_each_reach_the_call_exactly_once(string codec)
    {
        var handler = new ProbeCallHandler([]);
        await using var host = new LoopbackMediaHost(handler);
        using var baresip = await BaresipAudioPeer.StartAsync(codec, new short[BaresipAudioPeer.SampleRateOf(codec) * 30]);
        var peer = baresip.Peer;

        await peer.DialAsync($"sip:+15550001111@{host.SipEndpoint}");
        var probe = await handler.Answered.Task.DefaultTimeout();
        await peer.Control.WaitForEventAsync("CALL_ESTABLISHED");
        foreach (var key in Keys)
        {
            await peer.SendDigitAsync(key);
            await Task.Delay(250); // a person's pace: each key its own event
        }

        await WaitUntilAsync(() => probe.Digits().Count >= Keys.Length);
        await Task.Delay(600); // long enough for a duplicate (a repeated end packet, a timed-out event) to show up
        Assert.Equal(Keys, new string([.. probe.Digits().Select(d => d.Digit)]));
        Assert.All(probe.Digits(), d => Assert.InRange(d.Duration, TimeSpan.Zero, TimeSpan.FromSeconds(1)));
        await probe.Session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
    }

    [SkippableTheory]
    [InlineData("PCMU")]
    [InlineData("G722")]
    public async Task Digits_the_MediaHost_sends_as_RFC_4733_events_reach_baresip_exactly_once(string codec)
    {
        await using var host = new LoopbackMediaHost(new ProbeCallHandler([]));
        using var baresip = await BaresipAudioPeer.StartAsync(codec, new short[BaresipAudioPeer.SampleRateOf(codec) * 30]);
        var peer = baresip.Peer;
        var session = await host.Agent.PlaceCallAsync(new SipOutboundCallRequest(peer.Uri, peer.SipEndpoint, "mediahost"), CancellationToken.None)
            .DefaultTimeout();
        await peer.Control.WaitForEventAsync("CALL_ESTABLISHED");

        foreach (var key in Keys)
        {
            Assert.True(await session.SendDtmfAsync(key, TimeSpan.FromMilliseconds(100), CancellationToken.None).DefaultTimeout());
        }

        Assert.Equal(Keys, await KeysBaresipHeardAsync(peer));
        Assert.Contains("received event", peer.Output); // baresip's RTP telephone-event receiver, not SIP INFO
        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
    }

    [SkippableFact]
    public async Task Without_telephone_event_the_MediaHost_sends_digits_by_SIP_INFO_and_baresip_hears_each_once()
    {
        // Offer no telephone-event, so the call has no RFC 4733 payload type and SendDtmfAsync falls back to INFO.
        await using var host = new LoopbackMediaHost(new ProbeCallHandler([]), codecs: [MediaCodec.Pcmu]);
        using var baresip = await BaresipAudioPeer.StartAsync("PCMU", new short[8000 * 30]);
        var peer = baresip.Peer;
        var session = await host.Agent.PlaceCallAsync(new SipOutboundCallRequest(peer.Uri, peer.SipEndpoint, "mediahost"), CancellationToken.None)
            .DefaultTimeout();
        await peer.Control.WaitForEventAsync("CALL_ESTABLISHED");

        foreach (var key in Keys)
        {
            Assert.True(await session.SendDtmfAsync(key, TimeSpan.FromMilliseconds(160), CancellationToken.None).DefaultTimeout());
        }

        Assert.Equal(Keys, await KeysBaresipHeardAsync(peer));
        Assert.Contains("call: received DTMF: '1' (duration=160)", peer.Output); // baresip's SIP INFO handler
        Assert.DoesNotContain("received event", peer.Output);
        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
    }

    [SkippableFact]
    public async Task Sipp_digits_by_SIP_INFO_each_reach_the_call_exactly_once()
    {
        var digits = new List<DtmfDigit>();
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handler = new ScriptedCallHandler(async call =>
        {
            var session = await call.AnswerAsync(CancellationToken.None);
            await foreach (var digit in session.DtmfDigits(CancellationToken.None))
            {
                digits.Add(digit);
            }
            ended.TrySetResult();
        });
        using var server = new LoopbackSipServer(handler);

        using (var sipp = Sipp.Start("uac-info-dtmf.xml", server.Endpoint))
        {
            var (exitCode, output) = await sipp.WaitAsync();
            Assert.True(exitCode == 0, $"sipp failed:\n{output}");
        }

        await ended.Task.DefaultTimeout(); // the digit stream completes when the call ends
        Assert.Equal(
            [new DtmfDigit('1', TimeSpan.FromMilliseconds(160)), new DtmfDigit('#', TimeSpan.FromMilliseconds(250)), new DtmfDigit('7', TimeSpan.FromMilliseconds(160))],
            digits);
    }

    /// <summary>The keys baresip reported (CALL_DTMF_START), once they stop coming.</summary>
    private static async Task<string> KeysBaresipHeardAsync(BaresipPeer peer)
    {
        await WaitUntilAsync(() => StartedKeys(peer).Length >= Keys.Length);
        await Task.Delay(600); // room for a duplicate to show up
        return StartedKeys(peer);
    }

    private static string StartedKeys(BaresipPeer peer) =>
        new([.. peer.Control.Seen.Where(e => e.Type == "CALL_DTMF_START").Select(e => e.Param is { Length: 1 } p ? p[0] : '?')]);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!condition() && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
    }
}
