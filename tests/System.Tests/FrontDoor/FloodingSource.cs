using System.Net;
using System.Net.Sockets;
using System.Text;

namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// A source that floods the front door with OPTIONS from its own loopback address (127.0.0.2: another source to
/// the front door's per-source limits than the callers on 127.0.0.1), each a new transaction, and counts the answers.
/// </summary>
internal sealed class FloodingSource : IDisposable
{
    private readonly UdpClient _socket;
    private readonly IPEndPoint _target;
    private int _sent;

    public FloodingSource(IPEndPoint target, string address = "127.0.0.2")
    {
        _target = target;
        _socket = new UdpClient(new IPEndPoint(IPAddress.Parse(address), 0));
    }

    /// <summary>Sends <paramref name="count"/> OPTIONS at once, then counts the answers that arrive within <paramref name="listen"/>.</summary>
    public async Task<int> FloodAsync(int count, TimeSpan listen)
    {
        for (var i = 0; i < count; i++)
        {
            await _socket.SendAsync(Options(), _target);
        }
        return await CountAnswersAsync(listen);
    }

    private async Task<int> CountAnswersAsync(TimeSpan listen)
    {
        var answers = 0;
        using var window = new CancellationTokenSource(listen);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(window.Token);
                if (Encoding.ASCII.GetString(received.Buffer).StartsWith("SIP/2.0 ", StringComparison.Ordinal))
                {
                    answers++;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return answers;
        }
    }

    private byte[] Options()
    {
        var n = ++_sent;
        var local = (IPEndPoint)_socket.Client.LocalEndPoint!;
        return Encoding.ASCII.GetBytes(
            $"OPTIONS sip:{_target.Address}:{_target.Port} SIP/2.0\r\n" +
            $"Via: SIP/2.0/UDP {local.Address}:{local.Port};branch=z9hG4bK-flood-{n};rport\r\n" +
            $"From: <sip:flood@{local.Address}>;tag=flood{n}\r\n" +
            $"To: <sip:{_target.Address}:{_target.Port}>\r\n" +
            $"Call-ID: flood-{n}@{local.Address}\r\n" +
            "CSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    }

    public void Dispose() => _socket.Dispose();
}
