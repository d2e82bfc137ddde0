using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Calls;

/// <summary>
/// Takes each call the SIP user agent receives, composes it (<see cref="Call"/>: its leg and its media) and runs the call
/// handler on it off the SIP stack's thread. A handler that throws gets the call refused with 500 (when still ringing).
/// </summary>
public sealed class SipCallAnswering(ICallHandler handler, ILogger logger) : ISipIncomingCallSink
{
    public void CallArrived(ISipInboundLeg leg, IMediaSession media)
    {
        var incoming = new IncomingCall(leg, new Call(leg, media, leg.Parties));
        _ = Task.Run(() => RunHandlerAsync(incoming, leg));
    }

    private async Task RunHandlerAsync(IncomingCall incoming, ISipInboundLeg leg)
    {
        try
        {
            await handler.HandleAsync(incoming, leg.Lifetime).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            CallLog.HandlerFailed(logger, leg.CallId, ex);
            await leg.RejectAsync(500, "Server Internal Error", CancellationToken.None).ConfigureAwait(false);
        }
    }
}
