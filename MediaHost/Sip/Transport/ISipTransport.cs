using System.Net;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>
/// The thin seam between sockets and the SIP stack: deliver what arrives (already framed and parsed), send bytes to
/// an endpoint. UDP, TCP and an in-memory twin for tests implement it; nothing above knows which one it has.
/// </summary>
public interface ISipTransport : IDisposable
{
    /// <summary>"UDP", "TCP" or "TLS": the Via transport token (and, in lower case, the URI transport parameter).</summary>
    string Protocol { get; }

    /// <summary>True for stream transports: no retransmission timers, Content-Length mandatory.</summary>
    bool IsReliable { get; }

    IPEndPoint LocalEndpoint { get; }

    /// <summary>Starts delivering received messages (and parse failures) to <paramref name="receive"/>.</summary>
    void Start(Action<SipReceived> receive);

    /// <summary>Sends one serialized message. Never blocks on the network; failures are logged, not thrown.</summary>
    void Send(ReadOnlyMemory<byte> message, IPEndPoint remote);
}
