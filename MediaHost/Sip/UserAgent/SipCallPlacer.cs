using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.UserAgent;

/// <summary>Places calls (direct mode): reserves media, picks the transport the target asks for and starts the outbound leg.</summary>
internal sealed class SipCallPlacer(SipEndpoint endpoint, IReadOnlyList<ISipTransport> transports, IMediaSessionFactory media, SipCallTable calls, SdpSessionIds sessionIds)
{
    /// <summary>See <see cref="SipUserAgent.PlaceCall"/>.</summary>
    public SipPlacedCall Place(SipOutboundCallRequest request, CancellationToken cancellationToken)
    {
        var transport = TransportFor(request.Target);
        var session = media.TryAllocate("outbound") ?? throw new SipCallFailedException(503, "media port pool exhausted");
        SipOutboundLeg leg;
        using (endpoint.Enter())
        {
            leg = new SipOutboundLeg(endpoint, request, session, new SipFlow(transport, request.Destination), sessionIds.Next(), calls.Remove);
            calls.Add(leg);
            leg.Start();
        }
        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(leg.CancelBeforeAnswer);
            leg.Answered.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        return new SipPlacedCall(leg, session);
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
            return transports.FirstOrDefault(t => t.Protocol == asked)
                ?? throw new SipCallFailedException(503, $"the target asks for {asked} and SIP over {asked} is not enabled");
        }
        return transports.FirstOrDefault(t => !t.IsReliable) ?? transports[0];
    }
}
