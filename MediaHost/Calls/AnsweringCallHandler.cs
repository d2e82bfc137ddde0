namespace VoiceFunctions.MediaHost.Calls;

/// <summary>
/// The built-in behaviour until the AI loop exists: answer every call and hold it (media as the media path
/// provides) until the caller hangs up.
/// </summary>
public sealed class AnsweringCallHandler : ICallHandler
{
    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        await session.Ended.ConfigureAwait(false);
    }
}
