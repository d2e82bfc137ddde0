using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Providers.Recognition;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers.Conformance;

/// <summary>
/// The one conformance suite every streaming STT adapter passes, each against the loopback fake of its vendor's
/// documented protocol: Russian audio in, the transcript out (interims first where the vendor streams them), a socket
/// dropped mid-stream as transient, and a slow first result handed to the next provider of a chain; the refusals
/// (auth, 429, 5xx) are the shared <see cref="VendorRefusalConformance"/>.
/// </summary>
public abstract class SpeechToTextConformance : VendorRefusalConformance
{
    /// <summary>The adapter under test, pointed at <see cref="Fake"/>, with <paramref name="key"/>.</summary>
    protected abstract IStreamingSpeechToText Create(string key);

    /// <summary>False for batch adapters: they answer one final and no interims.</summary>
    protected virtual bool Streams => true;

    protected override async Task UseAsync(string key) => await RecognizeAsync(Create(key));

    internal static async Task<List<RecognitionResult>> RecognizeAsync(IStreamingSpeechToText stt, int frames = 50)
    {
        await using var stream = await stt.StartAsync(RecognitionRequest.For("ru-RU"), CancellationToken.None);
        var results = new List<RecognitionResult>();
        var reader = Task.Run(async () =>
        {
            await foreach (var r in stream.Results(CancellationToken.None))
            {
                results.Add(r);
            }
        });
        var frame = new short[320];
        for (var i = 0; i < frame.Length; i++)
        {
            frame[i] = (short)(6000 * Math.Sin(2 * Math.PI * 220 * i / 16_000.0));
        }
        for (var i = 0; i < frames && !reader.IsCompleted; i++)
        {
            await stream.WriteAsync(frame, CancellationToken.None);
        }
        await stream.CompleteAsync(CancellationToken.None);
        await reader;
        return results;
    }

    [Fact]
    public async Task Fake_vendor_hears_the_russian_audio_and_the_transcript_comes_back_final_after_interims()
    {
        var results = await RecognizeAsync(Create(FakeScript.Key)).DefaultTimeout();

        Assert.Equal(FakeScript.Transcript, string.Join(" ", results.Where(r => r.IsFinal).Select(r => r.Text)));
        Assert.True(results[^1].IsFinal);
        if (Streams)
        {
            Assert.False(results[0].IsFinal);
            Assert.Equal(FakeScript.Interim, results[0].Text);
        }
        Assert.True(Fake.Script.AudioBytes >= 50 * 640, $"the fake heard {Fake.Script.AudioBytes} bytes");
    }

    [Fact]
    public async Task Fake_vendor_dropping_the_connection_mid_stream_is_a_transient_failure()
    {
        Fake.Script.Behaviour = FakeBehaviour.DropMidStream;
        var e = await Assert.ThrowsAsync<ProviderException>(() => RecognizeAsync(Create(FakeScript.Key))).DefaultTimeout();
        Assert.True(e.IsTransient, e.ToString());
    }

    [Fact]
    public async Task Fake_vendor_slow_first_result_misses_the_deadline_and_the_next_provider_takes_the_same_turn()
    {
        Fake.Script.Behaviour = FakeBehaviour.SlowFirstResult;
        Fake.Script.FirstResultDelay = TimeSpan.FromSeconds(20);
        var factory = new ProviderChainFactory(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);
        var failover = new FailoverOptions { FirstResultDeadlineMs = 400, MaxRetries = 0, ProbeIntervalSeconds = 3600 };
        var secondary = new DoubleSpeechToText("запасной распознаватель");
        var primary = factory.Member<IStreamingSpeechToText>("stt", new ProviderOptions { Kind = "primary" }, Create(FakeScript.Key), (_, _) => Task.CompletedTask, failover);
        var chain = new FailoverSpeechToText(
            [primary, factory.Member<IStreamingSpeechToText>("stt", new ProviderOptions { Kind = "secondary" }, secondary, (_, _) => Task.CompletedTask, failover)],
            failover, TimeProvider.System, NullLogger.Instance);

        var clock = Stopwatch.StartNew();
        var results = await RecognizeAsync(chain).DefaultTimeout();

        Assert.Equal("запасной распознаватель", results.Single(r => r.IsFinal).Text);
        Assert.Equal(50 * 320, secondary.SamplesHeard); // the whole utterance was replayed to it
        Assert.False(primary.Health.IsHealthy);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }
}
