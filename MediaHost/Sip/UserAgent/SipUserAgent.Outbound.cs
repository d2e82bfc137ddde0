using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Placing calls (direct mode).</summary>
public sealed partial class SipUserAgent
{
    /// <summary>
    /// Places a call: reserves media, sends the INVITE with our offer and returns the leg at once; the leg's
    /// <see cref="ISipOutboundLeg.Answered"/> completes on the answer or fails (<see cref="SipCallFailedException"/> with the
    /// SIP status). Goes over TLS for sips: or ";transport=tls", over TCP for ";transport=tcp", else over UDP. Cancelling
    /// <paramref name="cancellationToken"/> before the answer CANCELs the INVITE (a ring timeout is the caller's token with a delay).
    /// </summary>
    public SipPlacedCall PlaceCall(SipOutboundCallRequest request, CancellationToken cancellationToken)
    {
        var transport = TransportFor(request.Target);
        var media = _media.TryAllocate("outbound") ?? throw new SipCallFailedException(503, "media port pool exhausted");
        SipOutboundLeg leg;
        using (_endpoint.Enter())
        {
            leg = new SipOutboundLeg(_endpoint, request, media, new SipFlow(transport, request.Destination), Interlocked.Increment(ref _sessionIds), _calls.Remove);
            _calls.Add(leg);
            leg.Start();
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(leg.CancelBeforeAnswer);
            leg.Answered.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return new SipPlacedCall(leg, media);
    }

    /// <summary>
    /// The transport a target asks for: TLS for a sips: URI or ";transport=tls", TCP for ";transport=tcp" (each refused
    /// when we have none), else UDP when we have it.
    /// </summary>
    private ISipTransport TransportFor(string target)
    {
        var parsed = SipUri.TryParse(target, out var uri);
        var asked = parsed && uri.Scheme == "sips" ? "TLS" : parsed ? uri.Parameters.Get("transport")?.ToUpperInvariant() : null;
        if (asked is "TLS" or "TCP")
        {
            return _transports.FirstOrDefault(t => t.Protocol == asked)
                ?? throw new SipCallFailedException(503, $"the target asks for {asked} and SIP over {asked} is not enabled");
        }
        return _transports.FirstOrDefault(t => !t.IsReliable) ?? _transports[0];
    }
}
