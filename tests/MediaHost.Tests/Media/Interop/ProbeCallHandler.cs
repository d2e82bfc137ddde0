using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Media.Interop;

/// <summary>Answers the first call and hands it to a <see cref="CallProbe"/> that plays <paramref name="play"/> (16 kHz).</summary>
internal sealed class ProbeCallHandler(short[] play) : ICallHandler
{
    public TaskCompletionSource<CallProbe> Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken);
        Answered.TrySetResult(CallProbe.Start(session, play));
    }
}
