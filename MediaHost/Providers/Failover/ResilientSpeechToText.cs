using Polly;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// A batch recogniser behind its provider pipeline (retry with jitter honouring Retry-After, circuit breaker): the
/// single OpenAI-compatible STT of AiLoop:Providers:Stt keeps the bounded retries it had before the chains.
/// </summary>
public sealed class ResilientSpeechToText(ISpeechToText inner, ResiliencePipeline pipeline) : ISpeechToText
{
    public ISpeechToText Inner => inner;

    public async Task<string> TranscribeAsync(ReadOnlyMemory<short> pcm, string language, IProgress<string>? partials, CancellationToken cancellationToken) =>
        await pipeline.ExecuteAsync(async t => await inner.TranscribeAsync(pcm, language, partials, t).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
}
