using VoiceFunctions.MediaHost.Calls;

namespace VoiceFunctions.MediaHost.Tests;

/// <summary>
/// A test call handler: answers every call and holds it (media as the media path provides) until the caller hangs up.
/// </summary>
public sealed class AnsweringCallHandler : ICallHandler
{
    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        await session.Ended.ConfigureAwait(false);
    }
}
