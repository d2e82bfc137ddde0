using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>A call handler that runs a test's script for each call and records every call and its end.</summary>
public sealed class ScriptedCallHandler(Func<IIncomingCall, Task> script) : ICallHandler
{
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    public TaskCompletionSource<CallEnded> FirstEnded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        await script(call);
    }

    /// <summary>Answers and waits for the end (what the default answering handler does), recording how it ended.</summary>
    public static ScriptedCallHandler AnswerAndHold()
    {
        ScriptedCallHandler? handler = null;
        handler = new ScriptedCallHandler(async call =>
        {
            var session = await call.AnswerAsync(CancellationToken.None);
            handler!.FirstEnded.TrySetResult(await session.Ended);
        });
        return handler;
    }
}
