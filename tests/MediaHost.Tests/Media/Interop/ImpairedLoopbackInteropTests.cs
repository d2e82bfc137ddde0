using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// A real call from baresip to the MediaHost across a bad network made of real UDP sockets on 127.0.0.1: our
/// seeded <see cref="UdpImpairmentProxy"/> sits in front of the call's RTP port and, in each direction, loses 5 %
/// of the packets and delays the rest by 0-50 ms (so they also arrive out of order). The kernel way — tc netem on
/// a veth pair in a private network namespace — is not available: this kernel has no netem qdisc ("Specified
/// qdisc kind is unknown"), so the impairment is done in user space. Losses follow the seed; delays are real time.
/// </summary>
[Trait("Category", "Interop")]
[Collection(MeasurementCollection.Name)]
public sealed class ImpairedLoopbackInteropTests
{
    private const int PeerHz = 700;
    private const double Amplitude = 8000;
    private static readonly double ToneRms = Amplitude / Math.Sqrt(2);
    private static readonly ImpairmentSettings ToUs = new(0.05, TimeSpan.FromMilliseconds(50), Seed: 4733);
    private static readonly ImpairmentSettings ToPeer = new(0.05, TimeSpan.FromMilliseconds(50), Seed: 3550);

    [SkippableFact]
    public async Task Five_percent_loss_and_50_ms_jitter_keep_the_call_up_with_no_unconcealed_gap_over_60_ms()
    {
        ImpairedMediaSessionFactory? impaired = null;
        var handler = new ProbeCallHandler([]);
        await using var host = new LoopbackMediaHost(handler, wrapMedia: real => impaired = new ImpairedMediaSessionFactory(real, ToUs, ToPeer));
        // Six seconds of tone, then silence to outlast the call.
        var tone = ToneAnalysis.Tone(PeerHz, 8000, 8000 * 6, Amplitude);
        using var baresip = await BaresipAudioPeer.StartAsync("PCMU", [.. tone, .. new short[8000 * 20]]);
        var peer = baresip.Peer;

        await peer.DialAsync($"sip:+15550001111@{host.SipEndpoint}");
        var probe = await handler.Answered.Task.DefaultTimeout();
        await Task.Delay(TimeSpan.FromSeconds(6.5));
        var during = host.Metrics.Snapshot();
        var buffer = ((RtpMediaSession)Assert.Single(impaired!.Sessions)).Inbound!.JitterBuffer.Statistics;
        var bufferText = System.Text.Json.JsonSerializer.Serialize(buffer);
        var stillUp = !probe.Session.Ended.IsCompleted;
        await probe.Session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
        await probe.Reading.DefaultTimeout();

        Assert.True(stillUp, "the call dropped under impairment: " + (probe.Session.Ended.IsCompleted ? probe.Session.Ended.Result.Detail : ""));
        Assert.Equal(CallEndReason.AgentHangUp, (await probe.Session.Ended.DefaultTimeout()).Reason);
        var proxy = Assert.Single(impaired!.Proxies);
        var heard = probe.Heard();
        // The first half second is left out: the jitter buffer starts at its 20 ms minimum and learns the 50 ms
        // jitter from the first packets, while the proxy's and our receive threads are still being compiled (the
        // proxy logged 140 ms stalls of its own there on the loaded machine, beyond the network it is meant to be).
        var gapFrames = ToneMeasurements.LongestQuietRunFrames(heard, AudioFormat.SampleRate, ToneRms / 3, ToneRms / 10, settleFrames: 25);
        var startGapFrames = ToneMeasurements.LongestQuietRunFrames(heard, AudioFormat.SampleRate, ToneRms / 3, ToneRms / 10);
        var tone6 = ToneMeasurements.Measure(heard, AudioFormat.SampleRate, ToneRms / 3);
        var context = $"proxy to us: {proxy.ToTarget}, to baresip: {proxy.FromTarget}, machine stalls beyond the planned delay (at ms: overrun ms): {string.Join(' ', proxy.Overruns.Select(o => $"{o.AtMs:F0}:{o.OverrunMs:F0}"))}; MediaHost: {during}; jitter buffer: {bufferText}; "
            + $"clock: {host.Clock.LateTicks} late ticks, {host.Clock.SkippedTicks} skipped; heard {tone6}; "
            + $"RMS per 100 ms: {ToneMeasurements.Profile(heard, AudioFormat.SampleRate)}";

        Assert.True(gapFrames * AudioFormat.FrameMilliseconds <= 60, $"an unconcealed gap of {gapFrames * 20} ms ({startGapFrames * 20} ms counting the first half second); {context}");
        Assert.True(Math.Abs(tone6.DominantHz - PeerHz) <= 5, context);
        Assert.True(tone6.LoudSeconds >= 6 * 0.8, context);
        // The loss and jitter are measured and reported (the figures /metrics exports).
        Assert.True(proxy.ToTarget.Dropped > 0, context);
        Assert.True(during.PacketsLost > 0 && during.LossRatio is > 0.01 and < 0.12, context);
        Assert.True(during.MeanJitterMs is > 3 and < 60, context);
    }

    [SkippableFact]
    public async Task Five_percent_loss_and_50_ms_jitter_still_deliver_each_baresip_key_exactly_once()
    {
        var handler = new ProbeCallHandler([]);
        await using var host = new LoopbackMediaHost(handler, wrapMedia: real => new ImpairedMediaSessionFactory(real, ToUs, ToPeer));
        using var baresip = await BaresipAudioPeer.StartAsync("PCMU", new short[8000 * 30]);
        var peer = baresip.Peer;
        const string keys = "0123456789*#";

        await peer.DialAsync($"sip:+15550001111@{host.SipEndpoint}");
        var probe = await handler.Answered.Task.DefaultTimeout();
        await peer.Control.WaitForEventAsync("CALL_ESTABLISHED");
        foreach (var key in keys)
        {
            await peer.SendDigitAsync(key);
            await Task.Delay(250);
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (probe.Digits().Count < keys.Length && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
        await Task.Delay(600); // an event whose end packets were all lost is ended by its 300 ms timeout: no duplicate after that

        Assert.Equal(keys, new string([.. probe.Digits().Select(d => d.Digit)]));
        await probe.Session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
    }

    [SkippableFact]
    public async Task Five_percent_loss_and_50_ms_jitter_still_deliver_each_digit_we_send_to_baresip_exactly_once()
    {
        ImpairedMediaSessionFactory? impaired = null;
        await using var host = new LoopbackMediaHost(new ProbeCallHandler([]), wrapMedia: real => impaired = new ImpairedMediaSessionFactory(real, ToUs, ToPeer));
        using var baresip = await BaresipAudioPeer.StartAsync("PCMU", new short[8000 * 30]);
        var peer = baresip.Peer;
        const string keys = "0123456789*#";
        var session = await host.Agent.PlaceCallAsync(new SipOutboundCallRequest(peer.Uri, peer.SipEndpoint, "mediahost"), CancellationToken.None)
            .DefaultTimeout();
        await peer.Control.WaitForEventAsync("CALL_ESTABLISHED");
        await Task.Delay(500); // baresip's first packets reach us through the proxy, so ours go back through it (symmetric RTP)

        foreach (var key in keys)
        {
            Assert.True(await session.SendDtmfAsync(key, TimeSpan.FromMilliseconds(100), CancellationToken.None).DefaultTimeout());
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (StartedKeys(peer).Length < keys.Length && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
        await Task.Delay(600);

        Assert.Equal(keys, StartedKeys(peer));
        var toBaresip = Assert.Single(impaired!.Proxies).FromTarget;
        Assert.True(toBaresip.Relayed > 100 && toBaresip.Dropped > 0, $"our RTP crossed the lossy path: {toBaresip}");
        await session.HangUpAsync(CallEndReason.AgentHangUp, CancellationToken.None);
    }

    private static string StartedKeys(Support.BaresipPeer peer) =>
        new([.. peer.Control.Seen.Where(e => e.Type == "CALL_DTMF_START").Select(e => e.Param is { Length: 1 } p ? p[0] : '?')]);
}
