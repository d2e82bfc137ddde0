using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>
/// SIP over TCP, or over TLS when given <see cref="SipTlsOptions"/>: a listener plus one connection per peer, reused in
/// both directions (responses go back on the connection the request came in on; requests to a peer without one open a
/// connection).
/// </summary>
public sealed class TcpSipTransport : ISipTransport
{
    private readonly TcpListener _listener;
    private readonly SipLimits _limits;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, TcpSipConnection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private Action<SipReceived>? _receive;

    private readonly SipTlsOptions? _tls;
    private readonly TimeProvider _time;

    public TcpSipTransport(IPEndPoint bind, SipLimits limits, ILogger logger, int maxConnections = 1000, SipTlsOptions? tls = null, TimeProvider? time = null)
    {
        tls?.Validate();
        _tls = tls;
        _time = time ?? TimeProvider.System;
        _listener = new TcpListener(bind);
        _listener.Start(128);
        LocalEndpoint = (IPEndPoint)_listener.LocalEndpoint;
        _limits = limits;
        _logger = logger;
        MaxConnections = maxConnections;
    }

    /// <summary>Connections beyond this are refused (every queue has a limit).</summary>
    public int MaxConnections { get; }

    public string Protocol => _tls is null ? "TCP" : "TLS";

    public bool IsReliable => true;

    public IPEndPoint LocalEndpoint { get; }

    public void Start(Action<SipReceived> receive)
    {
        _receive = receive;
        _ = AcceptLoopAsync();
    }

    public void Send(ReadOnlyMemory<byte> message, IPEndPoint remote)
    {
        if (_connections.TryGetValue(remote, out var existing))
        {
            existing.Enqueue(message);
            return;
        }
        var connection = new TcpSipConnection(new TcpClient(remote.AddressFamily), remote, this, _limits, _tls, _time, _logger, _stopping.Token);
        if (!_connections.TryAdd(remote, connection))
        {
            connection.Dispose();
            _connections[remote].Enqueue(message);
            return;
        }
        connection.Enqueue(message);
        Run(connection, remote, connect: true);
    }

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                var client = await _listener.AcceptTcpClientAsync(_stopping.Token).ConfigureAwait(false);
                var remote = (IPEndPoint)client.Client.RemoteEndPoint!;
                if (_connections.Count >= MaxConnections)
                {
                    client.Dispose();
                    continue;
                }
                // Registered before its read loop starts: a response to its first request must find it.
                var connection = new TcpSipConnection(client, remote, this, _limits, _tls, _time, _logger, _stopping.Token);
                _connections[remote] = connection;
                Run(connection, remote, connect: false);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }
    }

    private void Run(TcpSipConnection connection, IPEndPoint remote, bool connect) =>
        connection.Run(connect, received => _receive?.Invoke(received), () => _connections.TryRemove(new(remote, connection)));

    public void Dispose()
    {
        _stopping.Cancel();
        _listener.Stop();
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }
    }
}
