using System.Runtime.ExceptionServices;
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
                if (await stream.TryMoveNextAsync(cancellationToken).ConfigureAwait(false) is { } broken)
                {
                    ProviderJournal.Failed("llm", provider, broken); // text was passed on: the turn stays with it and fails
                    ExceptionDispatchInfo.Throw(broken);
                }
            }
        }
        ProviderJournal.Served("llm", provider);
    }
}
