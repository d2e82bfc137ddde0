namespace VoiceFunctions.MediaHost.Providers;

/// <summary>Writes the agent's answer: a stream of text pieces and tool calls, cancellable at any point.</summary>
public interface ILanguageModel
{
    /// <summary>
    /// Streams the reply to <paramref name="request"/>. Text arrives as it is generated; a tool call arrives
    /// once its name and complete arguments are known. Throws <see cref="ProviderException"/> (or
    /// <see cref="ProviderTimeoutException"/>), possibly after some text was already streamed.
    /// </summary>
    IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, CancellationToken cancellationToken);
}
