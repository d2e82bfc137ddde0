using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Cartesia;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;
using VoiceFunctions.MediaHost.Tests.Providers.Fakes;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Providers;

/// <summary>Cartesia by name in a chain, its server messages as the vendor documents them, and its sockets reused between
/// sentences (one context each) against the fake (the socket protocol itself: the TTS conformance suite).</summary>
public sealed class CartesiaTests
{
    [Fact]
    public void A_cartesia_tts_chain_is_configured_by_name_and_needs_a_voice()
    {
        var factory = new ProviderChainFactory(new HttpClient(), TimeProvider.System, NullLoggerFactory.Instance);
        var chain = factory.TextToSpeechChain([new ProviderOptions { Kind = "cartesia", ApiKey = "k", Voice = "v" }], new FailoverOptions());
        Assert.IsType<CartesiaTextToSpeech>(Assert.Single(chain.Members).Provider);

        var result = new ProviderChainsOptionsValidator().Validate(null, new ProviderChainsOptions { Tts = { Chain = [new ProviderOptions { Kind = "cartesia", ApiKey = "k" }] } });
        Assert.Equal(["AiLoop:Providers:Chains:Tts:Chain:0: kind 'cartesia' needs Voice (the voice id)"], result.Failures);
    }

    [Fact]
    public void Chunk_done_and_error_messages_are_read_by_their_type()
    {
        var chunk = CartesiaMessage.Parse(Encoding.UTF8.GetBytes("""{"type":"chunk","context_id":"c1","data":"AAEC","done":false,"status_code":206,"step_time":3.1}"""));
        Assert.Equal(("chunk", "c1", false), (chunk.Type, chunk.ContextId, chunk.Done));
        Assert.Equal(new byte[] { 0, 1, 2 }, chunk.Audio);

        var done = CartesiaMessage.Parse(Encoding.UTF8.GetBytes("""{"type":"done","context_id":"c1","done":true,"status_code":200}"""));
        Assert.True(done.Done);
        Assert.Null(done.Error);

        var error = CartesiaMessage.Parse(Encoding.UTF8.GetBytes("""{"type":"error","done":true,"status_code":429,"title":"Too many requests","message":"concurrency limit","error_code":"rate_limited"}"""));
        Assert.Equal((429, "Too many requests: concurrency limit", (string?)null), (error.StatusCode, error.Error, error.ContextId));
        Assert.True(ProviderException.IsTransientStatus(error.StatusCode!.Value));
    }

    [Fact]
    public async Task Fake_vendor_sentences_share_one_socket_each_in_its_own_context()
    {
        await using var fake = await VendorFakeServer.StartAsync();
        await using var tts = Create(fake);

        var first = await SpeakAsync(tts).DefaultTimeout();
        var second = await SpeakAsync(tts).DefaultTimeout();

        Assert.InRange(first.Count, 24, 26);
        Assert.InRange(second.Count, 24, 26);
        Assert.Equal(1, fake.Script.Sessions); // one upgrade for both sentences
        Assert.Equal(1, tts.Pool.IdleCount);
    }

    [Fact]
    public async Task Fake_vendor_closing_an_idle_socket_costs_the_next_sentence_a_new_socket_not_a_failure()
    {
        await using var fake = await VendorFakeServer.StartAsync();
        fake.Script.CloseIdleSockets = true;
        await using var tts = Create(fake);

        await SpeakAsync(tts).DefaultTimeout();
        var second = await SpeakAsync(tts).DefaultTimeout();

        Assert.InRange(second.Count, 24, 26);
        Assert.Equal(2, fake.Script.Sessions);
    }

    [Fact]
    public async Task Fake_vendor_refusing_a_context_on_an_open_socket_fails_that_sentence_with_the_vendors_status()
    {
        await using var fake = await VendorFakeServer.StartAsync();
        await using var tts = Create(fake);
        await SpeakAsync(tts).DefaultTimeout();
        fake.Script.Behaviour = FakeBehaviour.ServerError;

        var e = await Assert.ThrowsAsync<ProviderException>(() => SpeakAsync(tts)).DefaultTimeout();

        Assert.Equal((503, true), (e.StatusCode, e.IsTransient));
        Assert.Equal(1, fake.Script.Sessions); // refused on the pooled socket
        Assert.Equal(0, tts.Pool.IdleCount); // a failed context's socket is not reused
    }

    [Fact]
    public async Task A_sentence_abandoned_mid_audio_does_not_give_its_socket_back()
    {
        await using var fake = await VendorFakeServer.StartAsync();
        await using var tts = Create(fake);

        await foreach (var _ in tts.SynthesizeAsync("Здравствуйте!", "ru-RU", CancellationToken.None))
        {
            break; // barge-in: the caller spoke over the agent
        }

        Assert.Equal(0, tts.Pool.IdleCount);
    }

    private static CartesiaTextToSpeech Create(VendorFakeServer fake) =>
        new(new ProviderOptions { Kind = "cartesia", Endpoint = fake.WebSocketUrl, ApiKey = FakeScript.Key, Voice = "voice-ru-1", StreamIdleTimeoutSeconds = 30 }, TimeProvider.System);

    private static async Task<List<short[]>> SpeakAsync(ITextToSpeech tts)
    {
        var frames = new List<short[]>();
        await foreach (var frame in tts.SynthesizeAsync("Здравствуйте! Чем могу помочь?", "ru-RU", CancellationToken.None))
        {
            frames.Add(frame);
        }
        return frames;
    }
}
