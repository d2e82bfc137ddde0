using System.Net;
using VoiceFunctions.MediaHost.Sip.Transactions;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Tests.Sip.Transactions;

/// <summary>A transport double that records each datagram's first four bytes (a sequence number) and whether the stack lock was held while it was sent.</summary>
public sealed class LockWatchingTransport(SipLock stackLock) : ISipTransport
{
    private readonly List<int> _sent = [];

    public string Protocol => "UDP";

    public bool IsReliable => false;

    public IPEndPoint LocalEndpoint { get; } = new(IPAddress.Loopback, 5060);

    public int SentUnderLock { get; private set; }

    public IReadOnlyList<int> Sent
    {
        get
        {
            lock (_sent)
            {
                return [.. _sent];
            }
        }
    }

    public void Start(Action<SipReceived> receive)
    {
    }

    public void Send(ReadOnlyMemory<byte> message, IPEndPoint remote)
    {
        lock (_sent)
        {
            if (stackLock.IsHeldByCurrentThread)
            {
                SentUnderLock++;
            }
            _sent.Add(BitConverter.ToInt32(message.Span));
        }
    }

    public void Dispose()
    {
    }
}
