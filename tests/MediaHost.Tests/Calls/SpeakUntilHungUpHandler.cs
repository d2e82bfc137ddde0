using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Calls;

/// <summary>
/// Answers and plays audio without pause, as the agent does mid-sentence, until the caller hangs up; then writes a few
/// more frames (the rest of the sentence, already synthesized) before it notices, as a real audio loop would.
/// </summary>
public sealed class SpeakUntilHungUpHandler : ICallHandler
{
    private readonly TaskCompletionSource _speaking = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Speaking => _speaking.Task;

    public int FramesAfterEnd { get; private set; }

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken);
        var frame = new short[AudioFormat.SamplesPerFrame];
        while (!session.Ended.IsCompleted)
        {
            await session.WriteFrameAsync(frame, CancellationToken.None);
            _speaking.TrySetResult();
            await Task.Delay(1, CancellationToken.None);
        }
        for (var i = 0; i < 5; i++)
        {
            await session.WriteFrameAsync(frame, CancellationToken.None);
            FramesAfterEnd++;
        }
        session.ClearPlayback();
    }
}
