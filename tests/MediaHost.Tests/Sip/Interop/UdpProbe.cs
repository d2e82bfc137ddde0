using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>A bare UDP socket on loopback for flood and probe tests: send anything, wait for an answer.</summary>
public sealed class UdpProbe : IDisposable
{
    private readonly UdpClient _client = new(new IPEndPoint(IPAddress.Loopback, 0));

    public IPEndPoint Local => (IPEndPoint)_client.Client.LocalEndPoint!;

    public void Send(byte[] bytes, IPEndPoint target) => _client.Send(bytes, bytes.Length, target);

    public byte[] Options(string callId) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP {Local};branch=z9hG4bK-{callId}\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:probe@{Local}>;tag=p\r\nTo: <sip:127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    /// <summary>The next datagram as text, or null when nothing arrives within <paramref name="wait"/>.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            var result = await _client.ReceiveAsync(timeout.Token);
            return Encoding.UTF8.GetString(result.Buffer);
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    public void Dispose() => _client.Dispose();
}
