using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace VoiceFunctions.MediaHost.Providers.Failover;

/// <summary>The LLM over an ordered chain of providers: the first that streams a first update in time answers the turn.</summary>
public sealed class FailoverLanguageModel(IReadOnlyList<ChainMember<ILanguageModel>> members, FailoverOptions options, TimeProvider time, ILogger logger) : ILanguageModel
{
    public IReadOnlyList<ChainMember<ILanguageModel>> Members => members;

    public async IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (stream, provider) = await FailoverRunner.OpenAsync("llm", members, (p, t) => p.StreamAsync(request, t), options, time, logger, cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            while (stream.HasCurrent)
            {
                yield return stream.Current;
                try
                {
                    await stream.MoveNextAsync().ConfigureAwait(false);
                }
                catch (ProviderException e) when (!cancellationToken.IsCancellationRequested)
                {
                    ProviderJournal.Failed("llm", provider, e); // text was passed on: the turn stays with it and fails
                    throw;
                }
            }
        }
        ProviderJournal.Served("llm", provider);
    }
}
