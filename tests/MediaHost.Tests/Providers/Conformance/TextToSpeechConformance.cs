using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;

using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Providers.Conformance;

/// <summary>
/// The one conformance suite every TTS adapter passes, each against the loopback fake of its vendor's documented
/// protocol: a Russian sentence comes out as 16 kHz 20 ms frames with the first frame passed on before the vendor sent
/// the rest; a connection dropped mid-stream fails transiently after the audio already delivered; a slow first audio
/// is handed to the next provider of a chain; the refusals (auth, 429, 5xx) are the shared
/// <see cref="VendorRefusalConformance"/>.
/// </summary>
public abstract class TextToSpeechConformance : VendorRefusalConformance
{
    protected const string Sentence = "Здравствуйте! Чем могу помочь?";

    protected abstract ITextToSpeech Create(string key);

    protected override async Task UseAsync(string key) => await SpeakAsync(Create(key));

    private static async Task<List<short[]>> SpeakAsync(ITextToSpeech tts, Action<int>? onFrame = null)
    {
        var frames = new List<short[]>();
        await foreach (var frame in tts.SynthesizeAsync(Sentence, "ru-RU", CancellationToken.None))
        {
            frames.Add(frame);
            onFrame?.Invoke(frames.Count);
        }
        return frames;
    }

    [Fact]
    public async Task Fake_vendor_audio_comes_out_as_16khz_frames_and_the_first_frame_before_the_vendor_sent_the_rest()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Fake.Script.HoldAfterFirstChunk = hold;
        // The fake sends 100 ms, then waits for the first frame to reach us: an adapter that buffered the body would hang here.
        var frames = await SpeakAsync(Create(FakeScript.Key), n => hold.TrySetResult()).DefaultTimeout();

        Assert.All(frames, f => Assert.Equal(AudioFormat.SamplesPerFrame, f.Length));
        Assert.InRange(frames.Count, 24, 26); // 500 ms of audio
        Assert.True(frames.Skip(2).Take(20).SelectMany(f => f).Max() > 4000, "the tone came through");
        Assert.Equal(1, Fake.Script.Sessions);
    }

    [Fact]
    public async Task Fake_vendor_dropping_the_connection_mid_stream_fails_transiently_after_the_audio_delivered()
    {
        Fake.Script.Behaviour = FakeBehaviour.DropMidStream;
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Fake.Script.HoldAfterFirstChunk = hold; // the fake drops the connection once our first frame arrived
        var delivered = 0;
        var e = await Assert.ThrowsAsync<ProviderException>(() => SpeakAsync(Create(FakeScript.Key), n =>
        {
            delivered = n;
            hold.TrySetResult();
        })).DefaultTimeout();
        Assert.True(e.IsTransient, e.ToString());
        Assert.True(delivered >= 1, "the first chunk's frames were passed on before the drop");
    }

    [Fact]
    public async Task Fake_vendor_slow_first_audio_misses_the_deadline_and_the_next_provider_speaks_the_sentence()
    {
        Fake.Script.Behaviour = FakeBehaviour.SlowFirstResult;
        Fake.Script.FirstResultDelay = TimeSpan.FromSeconds(20);
        var factory = new ProviderChainFactory(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);
        var failover = new FailoverOptions { FirstResultDeadlineMs = 400, MaxRetries = 0, ProbeIntervalSeconds = 3600 };
        var secondary = new DoubleTextToSpeech();
        var primary = factory.Member<ITextToSpeech>("tts", new ProviderOptions { Kind = "primary" }, Create(FakeScript.Key), (_, _) => Task.CompletedTask, failover);
        var chain = new FailoverTextToSpeech(
            [primary, factory.Member<ITextToSpeech>("tts", new ProviderOptions { Kind = "secondary" }, secondary, (_, _) => Task.CompletedTask, failover)],
            failover, TimeProvider.System, NullLogger.Instance);

        var clock = Stopwatch.StartNew();
        var frames = await SpeakAsync(chain).DefaultTimeout();

        Assert.Equal(10, frames.Count);
        Assert.All(frames, f => Assert.Equal(DoubleTextToSpeech.Marker, f[0]));
        Assert.False(primary.Health.IsHealthy);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
