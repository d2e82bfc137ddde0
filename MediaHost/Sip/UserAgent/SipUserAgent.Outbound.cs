using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Sip.Transactions;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Placing calls (direct mode).</summary>
public sealed partial class SipUserAgent
{
    /// <summary>
    /// Places a call and completes when it is answered (the live session) or fails (<see cref="SipCallFailedException"/>
    /// with the SIP status). Uses the first transport.
    /// </summary>
    public Task<ICallSession> PlaceCallAsync(SipOutboundCallRequest request, CancellationToken cancellationToken)
    {
        var media = _media.TryAllocate("outbound") ?? throw new SipCallFailedException(503, "media port pool exhausted");
        SipOutboundCall call;
        lock (_gate)
        {
            call = new SipOutboundCall(this, request, media, new SipFlow(_transports[0], request.Destination), Interlocked.Increment(ref _sessionIds));
            AddCall(call);
            call.Start();
        }
        return call.Answered.WaitAsync(cancellationToken);
    }
}
