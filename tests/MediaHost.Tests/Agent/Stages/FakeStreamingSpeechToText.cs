using System.Runtime.CompilerServices;
using System.Threading.Channels;
using VoiceFunctions.MediaHost.Providers;
using VoiceFunctions.MediaHost.Providers.Recognition;

namespace VoiceFunctions.MediaHost.Tests.Agent.Stages;

/// <summary>
/// A streaming recogniser double: records the frames pushed, and emits the results the test writes to <see cref="Results"/>
/// (complete it to end the stream). <see cref="FailStart"/> makes opening a stream fail as a refused connection would.
/// </summary>
internal sealed class FakeStreamingSpeechToText : IStreamingSpeechToText
{
    public string Name => "fake-streaming";

    public Channel<RecognitionResult> Results { get; } = Channel.CreateUnbounded<RecognitionResult>();

    public List<short[]> Written { get; } = [];

    public TaskCompletionSource Completed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Disposed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool FailStart { get; init; }

    /// <summary>Every stream's request, in the order they were opened.</summary>
    public List<RecognitionRequest> Requests { get; } = [];

    public ValueTask<IRecognitionStream> StartAsync(RecognitionRequest request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add(request);
        }
        return FailStart ? throw new ProviderException(Name, "connection refused", isTransient: true) : ValueTask.FromResult<IRecognitionStream>(new Stream(this));
    }

    private sealed class Stream(FakeStreamingSpeechToText owner) : IRecognitionStream
    {
        public ValueTask WriteAsync(ReadOnlyMemory<short> frame, CancellationToken cancellationToken)
        {
            lock (owner.Written)
            {
                owner.Written.Add(frame.ToArray());
            }
            return ValueTask.CompletedTask;
        }

        public ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            owner.Completed.TrySetResult();
            return ValueTask.CompletedTask;
        }

        public async IAsyncEnumerable<RecognitionResult> Results([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var result in owner.Results.Reader.ReadAllAsync(cancellationToken))
            {
                yield return result;
            }
        }

        public ValueTask DisposeAsync()
        {
            owner.Disposed.TrySetResult();
            return ValueTask.CompletedTask;
        }
    }
}
