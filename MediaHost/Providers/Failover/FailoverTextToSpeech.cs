using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>
/// TTS over an ordered chain of providers: the first that delivers a first frame in time speaks the sentence. A
/// provider that fails after its first frames (a dropped socket, a stalled stream) is marked unhealthy and the next
/// one speaks the sentence again from its start: the caller hears the beginning twice rather than the apology.
/// </summary>
public sealed class FailoverTextToSpeech(IReadOnlyList<ChainMember<ITextToSpeech>> members, FailoverOptions options, TimeProvider time, ILogger logger) : ITextToSpeech
{
    public IReadOnlyList<ChainMember<ITextToSpeech>> Members => members;

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var remaining = members;
        while (true)
        {
            var (stream, provider) = await FailoverRunner.OpenAsync("tts", remaining, (p, t) => p.SynthesizeAsync(text, language, t), options, time, logger, cancellationToken).ConfigureAwait(false);
            ProviderException? broken = null;
            await using (stream.ConfigureAwait(false))
            {
                while (stream.HasCurrent)
                {
                    yield return stream.Current;
                    broken = await stream.TryMoveNextAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            if (broken is null)
            {
                ProviderJournal.Served("tts", provider);
                yield break;
            }
            var member = remaining.First(m => m.Name == provider);
            member.Health.MarkFailed(broken);
            ProviderJournal.Failed("tts", provider, broken);
            remaining = [.. remaining.Where(m => !ReferenceEquals(m, member))];
            FailoverLog.AttemptFailed(logger, "tts", provider, 0, broken.GetType().Name, remaining.Count > 0 ? "the sentence again on " + remaining[0].Name : "no provider left");
            if (remaining.Count == 0)
            {
                throw broken;
            }
        }
    }
}
