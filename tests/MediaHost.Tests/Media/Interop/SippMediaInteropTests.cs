using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>
/// The real sipp calls the MediaHost (SIP stack + RTP media path + built-in echo behaviour) over loopback UDP and
/// streams a 1 kHz tone as G.711 RTP. We check what the MediaHost decoded, and capture what it sent back on the
/// wire with tshark: the 440 Hz prompt, then the echo of the caller's tone.
/// </summary>
[Trait("Category", "Interop")]
[Collection(MeasurementCollection.Name)]
public sealed class SippMediaInteropTests
{
    private const int StreamSeconds = 3;

    [SkippableTheory]
    [InlineData("PCMU", 0)]
    [InlineData("PCMA", 8)]
    public async Task Sipp_rtp_stream_is_decoded_and_our_prompt_and_echo_reach_the_wire(string codecName, int payloadType)
    {
        var tone = ToneAnalysis.Tone(1000, 8000, 8000 * StreamSeconds, 8000);
        var audio = new byte[tone.Length];
        if (payloadType == 0) MuLaw.Encode(tone, audio); else ALaw.Encode(tone, audio);

        var handler = new RecordingEchoHandler();
        await using var host = new LoopbackMediaHost(handler);
        using var capture = await LoopbackCapture.StartAsync(host.Options.PortMin, host.Options.PortMax);
        using (var sipp = SippRtpCaller.Start(host.SipEndpoint, codecName, payloadType, audio, callMilliseconds: StreamSeconds * 1000 + 1500))
        {
            var (exitCode, output) = await sipp.WaitAsync();
            Assert.True(exitCode == 0, $"sipp failed:\n{output}");
        }
        var ended = await handler.Ended.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.CallerHangUp, ended.Reason);
        var sent = await capture.StopAsync();

        // What the MediaHost decoded: the caller's tone, for as long as it was sent.
        short[] heard;
        lock (handler.Heard) heard = handler.Heard.ToArray();
        var loud = Frames(heard, 320).Select(f => ToneAnalysis.Rms(f) > 2000).ToList();
        var loudSeconds = loud.Count(l => l) * 0.02;
        var stats = host.Metrics.Snapshot();
        // Loopback loses nothing; on a loaded machine sipp's own sending can stall, and the jitter buffer conceals
        // (then fades to silence) until it has adapted, so the loud time may fall a little short of what was sent.
        // (A host stall used to cost much more: see HostStallTests and ThreadPoolStarvationTests.)
        Assert.Equal(0, stats.PacketsLost);
        Assert.True(loudSeconds >= StreamSeconds * 0.8 && loudSeconds <= StreamSeconds + 0.1,
            $"{loudSeconds:F2} s of the caller's {StreamSeconds} s tone decoded; {stats.FramesConcealed} frames concealed");
        var firstLoud = loud.IndexOf(true);
        // The cleanest half second of the stream: one window free of concealment proves the decode is exact;
        // the loud-time check above already bounds how much was concealed.
        var decoded = Enumerable.Range(0, 8)
            .Select(i => (firstLoud + 10 + i * 10) * 320)
            .Where(start => start + 8000 <= heard.Length)
            .Select(start => ToneAnalysis.Fit(heard.AsSpan(start, 8000), 1000, 16000))
            .MaxBy(fit => fit.SnrDb);
        Assert.InRange(decoded.Amplitude, 7000, 9000);
        Assert.True(decoded.SnrDb > 25, $"decoded SNR {decoded.SnrDb:F1} dB; {stats.FramesConcealed} frames concealed");

        // What went out on the wire: RTP of the negotiated type, first the 1 s 440 Hz prompt, then the echoed 1 kHz tone.
        var rtp = sent.Where(p => RtpHeader.TryParse(p, out var h, out _) && h.PayloadType == payloadType).ToList();
        Assert.True(rtp.Count >= (StreamSeconds + 1) * 50 * 0.9, $"{rtp.Count} RTP packets captured");
        var pcm = rtp.SelectMany(p => p.Skip(RtpHeader.FixedLength)).Select(b => payloadType == 0 ? MuLaw.Decode(b) : ALaw.Decode(b)).ToArray();
        var promptStart = Array.FindIndex(pcm, s => Math.Abs(s) > 1000);
        Assert.True(promptStart >= 0, "the prompt was sent");
        var clock = $"clock: {host.Clock.LateTicks} late ticks, {host.Clock.SkippedTicks} skipped";
        var prompt = BestWindow(pcm, promptStart, promptStart + 8000, 440);
        Assert.True(prompt.SnrDb > 25, $"prompt SNR {prompt.SnrDb:F1} dB; {clock}");
        var echo = BestWindow(pcm, promptStart + 8000 + 800, pcm.Length, 1000);
        Assert.True(echo.SnrDb > 20 && echo.Amplitude > 6000, $"echo SNR {echo.SnrDb:F1} dB, amplitude {echo.Amplitude:F0}; {clock}");
        Assert.Equal(0, host.Metrics.Snapshot().ActiveCalls);
    }

    /// <summary>The best fit of <paramref name="frequency"/> over 0.25 s windows of [from, to) at 8 kHz.</summary>
    private static ToneAnalysis.ToneFit BestWindow(short[] pcm, int from, int to, double frequency) =>
        Enumerable.Range(0, Math.Max(0, (Math.Min(to, pcm.Length) - from - 2000) / 400 + 1))
            .Select(i => ToneAnalysis.Fit(pcm.AsSpan(from + i * 400, 2000), frequency, 8000))
            .DefaultIfEmpty(new ToneAnalysis.ToneFit(0, 1))
            .MaxBy(fit => fit.SnrDb);

    private static IEnumerable<short[]> Frames(short[] samples, int size)
    {
        for (var i = 0; i + size <= samples.Length; i += size)
        {
            yield return samples[i..(i + size)];
        }
    }
}
