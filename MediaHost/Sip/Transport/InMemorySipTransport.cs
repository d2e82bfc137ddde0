using System.Net;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>A datagram transport on an <see cref="InMemorySipNetwork"/>.</summary>
public sealed class InMemorySipTransport(IPEndPoint endpoint, InMemorySipNetwork network) : ISipTransport
{
    private Action<SipReceived>? _receive;

    public string Protocol => "UDP";

    public bool IsReliable => false;

    public IPEndPoint LocalEndpoint => endpoint;

    public void Start(Action<SipReceived> receive) => _receive = receive;

    public void Send(ReadOnlyMemory<byte> message, IPEndPoint remote) => network.Deliver(endpoint, remote, message.ToArray());

    internal void Receive(IPEndPoint from, ReadOnlyMemory<byte> message) =>
        _receive?.Invoke(new SipReceived(SipParser.ParseDatagram(message.Span), from, this));

    public void Dispose() => _receive = null;
}
