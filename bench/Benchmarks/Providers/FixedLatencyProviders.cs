using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.Benchmarks.Providers;

/// <summary>Streaming provider doubles of fixed latency for the provider-chain load run (in-process: no wire).</summary>
internal sealed class FixedLatencySpeechToText(TimeSpan finalAfterComplete) : IStreamingSpeechToText
{
    public string Name => "fixed-stt";

    public ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IRecognitionStream>(new Stream(finalAfterComplete));

    private sealed class Stream(TimeSpan latency) : IRecognitionStream
    {
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            _completed.TrySetResult();
            return ValueTask.CompletedTask;
        }

        public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            yield return RecognitionResult.Interim("здравствуйте");
            await _completed.Task.WaitAsync(cancellationToken);
            await Task.Delay(latency, cancellationToken);
            yield return RecognitionResult.Final("здравствуйте я хочу узнать баланс");
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

internal sealed class FixedLatencyLanguageModel(TimeSpan firstToken) : ILanguageModel
{
    public async IAsyncEnumerable<LanguageModelUpdate> StreamAsync(LanguageModelRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(firstToken, cancellationToken);
        foreach (var piece in new[] { "Ваш баланс ", "сто ", "рублей." })
        {
            yield return LanguageModelUpdate.FromText(piece);
        }
        yield return LanguageModelUpdate.FromUsage(new TokenUsage(40, 6));
    }
}

/// <summary>TTS double: first frame after <paramref name="firstAudio"/>; fails with 503 or hangs when told to.</summary>
internal sealed class FixedLatencyTextToSpeech(TimeSpan firstAudio, string mode = "ok") : ITextToSpeech
{
    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (mode == "503")
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
            throw new ProviderException("fixed-tts", "HTTP 503: overloaded", isTransient: true, 503);
        }
        if (mode == "hang")
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        await Task.Delay(firstAudio, cancellationToken);
        for (var i = 0; i < 25; i++)
        {
            yield return new short[320];
        }
    }
}
