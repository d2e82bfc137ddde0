using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>Decides, before anything else, what an inbound request from a source deserves.</summary>
public interface IInboundPolicy
{
    /// <summary>Evaluated for every request, including malformed ones (with whatever could be parsed).</summary>
    InboundDecision Evaluate(IPEndPoint source, SipMessage request);

    /// <summary>Told when a request from <paramref name="source"/> failed authentication (counts toward a ban).</summary>
    void AuthenticationFailed(IPEndPoint source) { }
}
