using System.Net;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>Where to send: a transport and the remote endpoint on it. Sending goes through the stack's <see cref="SipLock"/>.</summary>
public sealed record SipFlow(ISipTransport Transport, IPEndPoint Remote);
