using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Calls;

/// <summary>Placing a call (direct mode) and getting it back composed, as the same call surface as a received call.</summary>
public static class SipCallPlacement
{
    /// <summary>
    /// Places a call and completes when it is answered (the live call) or fails (<see cref="SipCallFailedException"/> with
    /// the SIP status). Cancelling <paramref name="cancellationToken"/> before the answer CANCELs the INVITE.
    /// </summary>
    public static async Task<ICallSession> PlaceCallAsync(this SipUserAgent agent, SipOutboundCallRequest request, CancellationToken cancellationToken)
    {
        var placed = agent.PlaceCall(request, cancellationToken);
        var call = new Call(placed.Leg, placed.Media, placed.Leg.Parties);
        await placed.Leg.Answered.WaitAsync(cancellationToken).ConfigureAwait(false);
        return call;
    }
}
