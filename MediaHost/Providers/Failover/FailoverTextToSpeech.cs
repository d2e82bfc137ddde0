using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>TTS over an ordered chain of providers: the first that delivers a first frame in time speaks the sentence.</summary>
public sealed class FailoverTextToSpeech(IReadOnlyList<ChainMember<ITextToSpeech>> members, FailoverOptions options, TimeProvider time, ILogger logger) : ITextToSpeech
{
    public IReadOnlyList<ChainMember<ITextToSpeech>> Members => members;

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (stream, _) = await FailoverRunner.OpenAsync("tts", members, (p, t) => p.SynthesizeAsync(text, language, t), options, time, logger, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (stream.HasCurrent)
            {
                yield return stream.Current;
                await stream.MoveNextAsync().ConfigureAwait(false);
            }
        }
    }
}
