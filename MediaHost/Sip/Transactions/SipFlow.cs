using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Sip.Transactions;

/// <summary>Where to send: a transport and the remote endpoint on it.</summary>
public sealed record SipFlow(ISipTransport Transport, IPEndPoint Remote)
{
    public void Send(byte[] bytes) => Transport.Send(bytes, Remote);

    public byte[] Send(SipMessage message)
    {
        var bytes = SipSerializer.Serialize(message);
        Transport.Send(bytes, Remote);
        return bytes;
    }
}
