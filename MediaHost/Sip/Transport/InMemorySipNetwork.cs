using System.Collections.Concurrent;
using System.Net;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>
/// The in-memory twin of a network for tests: transports registered by endpoint deliver to each other
/// synchronously, as datagrams, so user-agent logic runs with no ports and no timing. A filter can drop messages.
/// </summary>
public sealed class InMemorySipNetwork
{
    private readonly ConcurrentDictionary<IPEndPoint, InMemorySipTransport> _transports = new();

    /// <summary>Returns false to drop a message in flight (lost ACK, lost response).</summary>
    public Func<IPEndPoint, IPEndPoint, ReadOnlyMemory<byte>, bool>? Filter { get; set; }

    public InMemorySipTransport Add(IPEndPoint endpoint)
    {
        var transport = new InMemorySipTransport(endpoint, this);
        _transports[endpoint] = transport;
        return transport;
    }

    internal void Deliver(IPEndPoint from, IPEndPoint to, ReadOnlyMemory<byte> message)
    {
        if (Filter is { } filter && !filter(from, to, message))
        {
            return;
        }
        if (_transports.TryGetValue(to, out var target))
        {
            target.Receive(from, message);
        }
    }
}
