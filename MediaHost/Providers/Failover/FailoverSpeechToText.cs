using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// Streaming recognition over an ordered chain of providers. The stream starts on the first provider that opens
/// one; if it fails, or gives no result within the first-result deadline after the caller stopped speaking, the
/// next provider is started and fed the utterance's audio from its first frame, so it takes the same turn.
/// </summary>
public sealed class FailoverSpeechToText(IReadOnlyList<ChainMember<IStreamingSpeechToText>> members, FailoverOptions options, TimeProvider time, ILogger logger)
    : IStreamingSpeechToText
{
    /// <summary>Audio kept for a replay to the next provider, in seconds: longer utterances are replayed cut.</summary>
    public const int MaxReplaySeconds = 60;

    public string Name => string.Join(">", members.Select(m => m.Name));

    public IReadOnlyList<ChainMember<IStreamingSpeechToText>> Members => members;

    public async ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken)
    {
        var stream = new FailoverRecognitionStream(this, request, FailoverRunner.Order(members));
        await stream.StartNextAsync(cancellationToken).ConfigureAwait(false);
        return stream;
    }

    internal FailoverOptions Options => options;

    internal TimeProvider Time => time;

    internal ILogger Logger => logger;

    /// <summary>Opens a stream on <paramref name="member"/> through its pipeline (retry, breaker).</summary>
    internal static async Task<IRecognitionStream> OpenAsync(ChainMember<IStreamingSpeechToText> member, RecognitionRequest request, CancellationToken cancellationToken) =>
        await member.Pipeline.ExecuteAsync(async t => await member.Provider.StartAsync(request, t).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
}
