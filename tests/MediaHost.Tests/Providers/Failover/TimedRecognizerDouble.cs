using System.Runtime.CompilerServices;
using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Tests.Providers.Failover;

/// <summary>A streaming recogniser double: its final is queued <c>finalAfter</c> after the audio ends, on the fake clock (never when null).</summary>
internal sealed class TimedRecognizerDouble(TimeProvider time, TimeSpan? finalAfter) : IStreamingSpeechToText
{
    public const string Text = "здравствуйте";

    public int Starts;

    public string Name => "timed-double";

    public ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref Starts);
        return ValueTask.FromResult<IRecognitionStream>(new Stream(time, finalAfter));
    }

    private sealed class Stream(TimeProvider time, TimeSpan? finalAfter) : IRecognitionStream
    {
        private readonly Channel<RecognitionResult> _results = Channel.CreateUnbounded<RecognitionResult>();
        private ITimer? _timer;

        public ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken) => ValueTask.CompletedTask;

        public ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            if (finalAfter is { } after)
            {
                _timer = time.CreateTimer(_ => _results.Writer.TryWrite(RecognitionResult.Final(Text)), null, after, Timeout.InfiniteTimeSpan);
            }
            return ValueTask.CompletedTask;
        }

        public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            while (await _results.Reader.WaitToReadAsync(cancellationToken))
            {
                while (_results.Reader.TryRead(out var result))
                {
                    yield return result;
                }
            }
        }

        public ValueTask DisposeAsync()
        {
            _timer?.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
