using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Cartesia;
using VoiceFunctions.MediaHost.Providers.Configuration;
using VoiceFunctions.MediaHost.Providers.Failover;

namespace VoiceFunctions.MediaHost.Tests.Providers;

/// <summary>Cartesia by name in a chain, and its server messages as the vendor documents them (the socket itself: the TTS conformance suite).</summary>
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
}
