using System.Runtime.CompilerServices;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Tests.Providers.Conformance;

/// <summary>In-process test doubles: a healthy second provider for the failover cases of the conformance suites.</summary>
internal sealed class DoubleTextToSpeech(int frames = 10, ProviderException? failure = null) : ITextToSpeech
{
    public const short Marker = 1234;

    public int Calls;

    public async IAsyncEnumerable<short[]> SynthesizeAsync(string text, string language, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Calls);
        await Task.Yield();
        if (failure is not null)
        {
            throw failure;
        }
        for (var i = 0; i < frames; i++)
        {
            var frame = new short[320];
            Array.Fill(frame, Marker);
            yield return frame;
        }
    }
}

/// <summary>A recogniser double that answers one final with <paramref name="text"/> once the stream is completed.</summary>
internal sealed class DoubleSpeechToText(string text) : IStreamingSpeechToText
{
    public long SamplesHeard;

    public string Name => "double-stt";

    public ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IRecognitionStream>(new Stream(this, text));

    private sealed class Stream(DoubleSpeechToText owner, string text) : IRecognitionStream
    {
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
        {
            Interlocked.Add(ref owner.SamplesHeard, frame.Length);
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            _completed.TrySetResult();
            return ValueTask.CompletedTask;
        }

        public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await _completed.Task.WaitAsync(cancellationToken);
            yield return RecognitionResult.Final(text);
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
