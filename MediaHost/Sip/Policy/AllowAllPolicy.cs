using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Policy;

/// <summary>Lets everything through (tests and trusted networks).</summary>
public sealed class AllowAllPolicy : IInboundPolicy
{
    public static readonly AllowAllPolicy Instance = new();

    public InboundDecision Evaluate(IPEndPoint source, SipMessage request) => InboundDecision.Allow;
}
