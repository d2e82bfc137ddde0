using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceFunctions.MediaHost.Tests.Sip.Interop;

/// <summary>
/// Sends one corpus message to a running host as a peer would, then an OPTIONS probe, and reports the final status the
/// message was answered with (null: none) and whether the probe got its 200. Event-driven: no wait for silence.
/// </summary>
public static partial class SipCorpusExchange
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    /// <summary>The top Via's transport and sent-by, so the answer comes back to this peer (RFC 3261 section 18.2.2).</summary>
    [GeneratedRegex(@"^(Via|v)([ \t]*:[ \t]*)SIP[ \t]*/[ \t]*2\.0[ \t]*/[ \t]*[A-Za-z]+[ \t]+(\[[^\]\r\n]*\]|[^;,:\s]+)(:[0-9]+)?", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex TopVia();

    [GeneratedRegex(@"^(Call-ID|i)([ \t]*:[ \t]*)", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex CallId();

    /// <summary>
    /// The message with its top Via naming <paramref name="protocol"/> and <paramref name="local"/>, and every Call-ID
    /// prefixed with <paramref name="unique"/> (several files share a Call-ID, which one host would rightly take for a
    /// retransmission or a merged request); other bytes untouched.
    /// </summary>
    public static byte[] Addressed(byte[] message, string protocol, IPEndPoint local, string unique)
    {
        var text = Encoding.Latin1.GetString(message);
        var rewritten = TopVia().Replace(text, match => $"{match.Groups[1].Value}{match.Groups[2].Value}SIP/2.0/{protocol} {local}", 1);
        rewritten = CallId().Replace(rewritten, match => match.Value + unique + "-");
        return Encoding.Latin1.GetBytes(rewritten);
    }

    public static byte[] Options(string callId, string protocol, IPEndPoint local) => Encoding.ASCII.GetBytes(
        $"OPTIONS sip:agent@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/{protocol} {local};branch=z9hG4bK-{callId}\r\nMax-Forwards: 70\r\n" +
        $"From: <sip:probe@127.0.0.1>;tag=probe\r\nTo: <sip:agent@127.0.0.1>\r\nCall-ID: {callId}\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n");

    /// <summary>
    /// UDP: the message, then the probe, from one socket. The host handles datagrams in order and answers a malformed or
    /// refused request before it reads the next, so an answer that is not there when the probe's is never comes, unless
    /// the call layer answers later (a new call), which is then awaited.
    /// </summary>
    public static async Task<(int? Status, bool ProbeAnswered, string Seen)> UdpAsync(byte[] message, IPEndPoint host, bool answerExpected, string unique)
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)socket.Client.LocalEndPoint!;
        var probeId = "probe-" + Guid.NewGuid().ToString("N");
        await socket.SendAsync(Addressed(message, "UDP", local, unique), host);
        await socket.SendAsync(Options(probeId, "UDP", local), host);
        int? status = null;
        var probeAnswered = false;
        var seen = new StringBuilder();
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            while (!probeAnswered || (status is null && answerExpected))
            {
                var datagram = await socket.ReceiveAsync(timeout.Token);
                var response = WireResponse.Read(datagram.Buffer);
                seen.Append(FirstLine(datagram.Buffer)).Append(" | ");
                if (response is null || response.Status < 200)
                {
                    continue;
                }
                if (response.CallId == probeId)
                {
                    probeAnswered = response.Status == 200;
                }
                else
                {
                    status ??= response.Status;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        return (status, probeAnswered, seen.ToString());
    }

    /// <summary>
    /// TCP: the message on a connection of its own, read until its final answer or the end of the connection (when no
    /// answer is expected the connection is half-closed after sending, so the host ends it); then the probe on a new one.
    /// </summary>
    public static async Task<(int? Status, bool ProbeAnswered, string Seen)> TcpAsync(byte[] message, IPEndPoint host, bool answerExpected, string unique)
    {
        var seen = new StringBuilder();
        int? status;
        using (var connection = new TcpClient(AddressFamily.InterNetwork))
        {
            await connection.ConnectAsync(host);
            var local = (IPEndPoint)connection.Client.LocalEndPoint!;
            var stream = connection.GetStream();
            await stream.WriteAsync(Addressed(message, "TCP", local, unique));
            if (!answerExpected)
            {
                connection.Client.Shutdown(SocketShutdown.Send);
            }
            status = await ReadFinalAsync(stream, callId: null, seen);
        }
        bool probeAnswered;
        using (var probe = new TcpClient(AddressFamily.InterNetwork))
        {
            await probe.ConnectAsync(host);
            var probeId = "probe-" + Guid.NewGuid().ToString("N");
            await probe.GetStream().WriteAsync(Options(probeId, "TCP", (IPEndPoint)probe.Client.LocalEndPoint!));
            probeAnswered = await ReadFinalAsync(probe.GetStream(), probeId, seen) == 200;
        }
        return (status, probeAnswered, seen.ToString());
    }

    /// <summary>The first final response on the stream (for <paramref name="callId"/> when given); null when the stream ends first.</summary>
    private static async Task<int?> ReadFinalAsync(NetworkStream stream, string? callId, StringBuilder seen)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var buffer = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var memory = buffer.GetMemory(4096);
                var read = await stream.ReadAsync(memory, timeout.Token);
                if (read == 0)
                {
                    return null;
                }
                buffer.Advance(read);
                var pending = buffer.WrittenMemory;
                int frame;
                while ((frame = WireResponse.FrameLength(pending.Span)) > 0)
                {
                    var response = WireResponse.Read(pending.Span[..frame]);
                    pending = pending[frame..];
                    seen.Append(response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "request").Append(" | ");
                    if (response is { Status: >= 200 } && (callId is null || response.CallId == callId))
                    {
                        return response.Status;
                    }
                }
                var rest = pending.ToArray();
                buffer.Clear();
                buffer.Write(rest);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
            return null;
        }
    }

    private static string FirstLine(byte[] datagram)
    {
        var end = datagram.AsSpan().IndexOf("\r\n"u8);
        return Encoding.Latin1.GetString(datagram, 0, end < 0 ? Math.Min(datagram.Length, 60) : end);
    }
}
