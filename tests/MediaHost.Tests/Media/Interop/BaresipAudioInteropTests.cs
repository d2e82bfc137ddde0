using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Sdp;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.MediaHost.Tests.Support;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// Audio both ways with the real baresip softphone over loopback, for every codec we carry, whichever side
/// places the call. baresip plays a 700 Hz tone from a WAV and records what it decodes; the MediaHost plays an
/// 1100 Hz tone through <see cref="ICallSession"/> and records what it decodes. Each side must hear the other's
/// tone: its frequency within 5 Hz, its level within 30 %, and its length within the stated bounds.
/// </summary>
[Trait("Category", "Interop")]
[Collection(MeasurementCollection.Name)]
public sealed class BaresipAudioInteropTests
{
    private const double ToneSeconds = 2.0;
    private const double LeadSeconds = 0.2;
    private const int PeerHz = 700;
    private const int HostHz = 1100;
    private const double Amplitude = 8000;
    private static readonly double ToneRms = Amplitude / Math.Sqrt(2);

    [SkippableTheory]
    [InlineData("PCMU", "PCMU/8000")]
    [InlineData("PCMA", "PCMA/8000")]
    [InlineData("G722", "G722/8000")]
    [InlineData("opus", "opus/48000/2")]
    public async Task Baresip_calls_the_MediaHost_and_each_side_hears_the_others_tone(string codec, string negotiated)
    {
        var handler = new ProbeCallHandler(HostTone());
        await using var host = new LoopbackMediaHost(handler);
        using var baresip = await BaresipAudioPeer.StartAsync(codec, PeerTone(codec));
        var peer = baresip.Peer;

        await peer.DialAsync($"sip:+15550001111@{host.SipEndpoint}");
        var probe = await handler.Answered.Task.DefaultTimeout();

        Assert.Equal(negotiated, probe.Session.Call.Codec);
        await ExchangeTonesAndHangUpAsync(probe, peer);
        AssertEachSideHeardTheOther(probe, peer, host);
    }

    [SkippableTheory]
    [InlineData("PCMU", "PCMU/8000")]
    [InlineData("PCMA", "PCMA/8000")]
    [InlineData("G722", "G722/8000")]
    [InlineData("opus", "opus/48000/2")]
    public async Task The_MediaHost_calls_baresip_and_each_side_hears_the_others_tone(string codec, string negotiated)
    {
        await using var host = new LoopbackMediaHost(new ProbeCallHandler([]));
        using var baresip = await BaresipAudioPeer.StartAsync(codec, PeerTone(codec));
        var peer = baresip.Peer;

        var session = await host.Agent.PlaceCallAsync(new SipOutboundCallRequest(peer.Uri, peer.SipEndpoint, "mediahost"), CancellationToken.None)
            .DefaultTimeout();
        var probe = CallProbe.Start(session, HostTone());

        Assert.Equal(negotiated, session.Call.Codec);
        await ExchangeTonesAndHangUpAsync(probe, peer);
        AssertEachSideHeardTheOther(probe, peer, host);
    }

    [SkippableFact]
    public async Task Baresip_calls_the_MediaHost_over_TLS_with_SRTP_required_and_each_side_hears_the_others_tone()
    {
        using var certificate = VoiceFunctions.MediaHost.Tests.Sip.Transport.TestCertificates.Loopback();
        var handler = new ProbeCallHandler(HostTone());
        // Required: a plain RTP/AVP offer would get 488, so a call that connects is an SRTP call.
        await using var host = new LoopbackMediaHost(handler, tls: new SipTlsOptions { Certificate = certificate }, encryption: MediaEncryption.Required);
        using var baresip = await BaresipAudioPeer.StartAsync("PCMU", PeerTone("PCMU"), ["module srtp.so"], accountParameters: ";mediaenc=srtp-mand");
        var peer = baresip.Peer;

        await peer.DialAsync($"sip:+15550001111@{host.TlsTransport!.LocalEndpoint};transport=tls");
        var probe = await handler.Answered.Task.DefaultTimeout();

        Assert.Equal("PCMU/8000", probe.Session.Call.Codec);
        await ExchangeTonesAndHangUpAsync(probe, peer);
        AssertEachSideHeardTheOther(probe, peer, host);
        Assert.Contains("srtp-mand", peer.Output);
    }

    /// <summary>Both tones start at the answer; once ours is queued and both have had time to finish, we hang up.</summary>
    internal static async Task ExchangeTonesAndHangUpAsync(CallProbe probe, BaresipPeer peer, Func<Task>? beforeHangUp = null)
    {
        await probe.Playback.DefaultTimeout();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // our last 0.5 s queued, then the far end's buffers drain
        if (beforeHangUp is not null)
        {
            await beforeHangUp();
        }
        await probe.Session.HangUpAsync(Shared.Calls.CallEndReason.AgentHangUp, CancellationToken.None);
        await probe.Reading.DefaultTimeout();
        await peer.Control.WaitForEventAsync("CALL_CLOSED");
    }

    internal static void AssertEachSideHeardTheOther(CallProbe probe, BaresipPeer peer, LoopbackMediaHost host)
    {
        var stats = host.Metrics.Snapshot();
        var clock = $"MediaHost clock: {host.Clock.LateTicks} late ticks, {host.Clock.SkippedTicks} skipped";
        var heardSamples = probe.Heard();
        var heard = ToneMeasurements.Measure(heardSamples, AudioFormat.SampleRate, ToneRms / 3);
        var sent = peer.ReadSent();
        var context = $"MediaHost heard {heard}; {stats.FramesConcealed} frames concealed, {stats.PacketsLost} lost; {clock}; "
            + $"RMS per 100 ms heard: {ToneMeasurements.Profile(heardSamples, AudioFormat.SampleRate)}, sent by baresip: {ToneMeasurements.Profile(sent.Samples, sent.Rate)}";
        Assert.True(Math.Abs(heard.DominantHz - PeerHz) <= 5, context);
        Assert.True(heard.SteadyRms > ToneRms * 0.7 && heard.SteadyRms < ToneRms * 1.3, context);
        // Nothing is lost on loopback, but on a loaded 2-core machine our media clock can be starved for a moment
        // (skipped ticks): the jitter buffer then drops the audio that piled up, to keep the delay bounded, or
        // conceals while it settles. Allow 20 % of the tone for that; never more than was sent.
        Assert.True(heard.LoudSeconds >= ToneSeconds * 0.8 && heard.LoudSeconds <= ToneSeconds + 0.1, context);

        var (rate, recorded) = peer.ReadRecording();
        var got = ToneMeasurements.Measure(recorded, rate, ToneRms / 3);
        var peerContext = $"baresip recorded {got} at {rate} Hz; {clock}; RMS per 100 ms: {ToneMeasurements.Profile(recorded, rate)}";
        Assert.True(Math.Abs(got.DominantHz - HostHz) <= 5, peerContext);
        Assert.True(got.SteadyRms > ToneRms * 0.7 && got.SteadyRms < ToneRms * 1.3, peerContext);
        // baresip's jitter buffer and our paced sending lose nothing on loopback: the whole tone, give or take a packet or two.
        Assert.True(got.LoudSeconds >= ToneSeconds * 0.9 && got.LoudSeconds <= ToneSeconds + 0.1, peerContext);
    }

    /// <summary>What the MediaHost plays: a short lead of silence, then the 1100 Hz tone (16 kHz).</summary>
    internal static short[] HostTone() => WithLead(ToneAnalysis.Tone(HostHz, AudioFormat.SampleRate, (int)(AudioFormat.SampleRate * ToneSeconds), Amplitude), AudioFormat.SampleRate, 0);

    /// <summary>baresip's microphone: lead, the 700 Hz tone, then silence that outlasts the call (baresip hangs up at the end of the file).</summary>
    internal static short[] PeerTone(string codec)
    {
        var rate = BaresipAudioPeer.SampleRateOf(codec);
        return WithLead(ToneAnalysis.Tone(PeerHz, rate, (int)(rate * ToneSeconds), Amplitude), rate, trailingSeconds: 20);
    }

    private static short[] WithLead(short[] tone, int rate, double trailingSeconds)
    {
        var lead = (int)(rate * LeadSeconds);
        var samples = new short[lead + tone.Length + (int)(rate * trailingSeconds)];
        tone.CopyTo(samples, lead);
        return samples;
    }
}
