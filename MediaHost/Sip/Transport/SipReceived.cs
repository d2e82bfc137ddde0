using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>What a transport hands up: the parse result, who sent it, and the transport to answer on.</summary>
public readonly record struct SipReceived(SipReadResult Result, IPEndPoint Remote, ISipTransport Transport);
