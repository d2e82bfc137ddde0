using System.Runtime.CompilerServices;

namespace VoiceFunctions.MediaHost.Providers.Recognition;

/// <summary>
/// Adapts a batch recogniser (<see cref="ISpeechToText"/>: whole utterance in, text out) to the streaming contract:
/// frames are collected while the caller speaks and transcribed at <see cref="IRecognitionStream.CompleteAsync"/>;
/// the stream yields no interims and one final.
/// </summary>
public sealed class BatchRecognitionAdapter(ISpeechToText batch, string name, int maxSeconds = 60) : IStreamingSpeechToText
{
    public string Name => name;

    public ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken) =>
        ValueTask.FromResult<IRecognitionStream>(new Stream(batch, request, request.SampleRate * maxSeconds));

    private sealed class Stream(ISpeechToText batch, RecognitionRequest request, int maxSamples) : IRecognitionStream
    {
        private readonly List<short> _audio = new(request.SampleRate * 4);
        private readonly TaskCompletionSource _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
        {
            // Beyond the bound the utterance is cut, not grown: a caller who never stops is transcribed up to maxSeconds.
            if (_audio.Count + frame.Length <= maxSamples)
            {
                _audio.AddRange(frame.Span);
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            _completed.TrySetResult();
            return ValueTask.CompletedTask;
        }

        public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await _completed.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            var text = (await batch.TranscribeAsync(_audio.ToArray(), request.Language, null, cancellationToken).ConfigureAwait(false)).Trim();
            yield return RecognitionResult.Final(text);
        }

        public ValueTask DisposeAsync()
        {
            _completed.TrySetCanceled();
            return ValueTask.CompletedTask;
        }
    }
}
