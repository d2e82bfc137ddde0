using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace VoiceFunctions.System.Tests.FrontDoor;

/// <summary>
/// A callee double on loopback UDP (RFC 3261 messages written here, not a real user agent) that answers each INVITE
/// with 200 and only then sends 180 and 100: the order in which the front door's two UDP workers delivered them in
/// the flaky runs (the MediaHost sends 180 then 200 back to back; one worker relayed the 200 first). It answers BYE
/// with 200 and counts the calls hung up, so a test sees whether the caller scenario went on to hang up.
/// </summary>
internal sealed class LateProvisionalCalleeDouble : IDisposable
{
    private readonly UdpClient _socket = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly HashSet<string> _hungUp = [];

    public LateProvisionalCalleeDouble() => _loop = Task.Run(ServeAsync);

    public IPEndPoint Endpoint => (IPEndPoint)_socket.Client.LocalEndPoint!;

    /// <summary>The calls the caller hung up (distinct Call-IDs of the BYEs: a retransmitted BYE counts once).</summary>
    public int CallsHungUp
    {
        get { lock (_hungUp) return _hungUp.Count; }
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            var request = Encoding.ASCII.GetString(received.Buffer);
            if (request.StartsWith("INVITE ", StringComparison.Ordinal))
            {
                const string sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";
                await ReplyAsync(request, "200 OK", received.RemoteEndPoint, sdp);
                await ReplyAsync(request, "180 Ringing", received.RemoteEndPoint);
                await ReplyAsync(request, "100 Trying", received.RemoteEndPoint);
            }
            else if (request.StartsWith("BYE ", StringComparison.Ordinal))
            {
                lock (_hungUp)
                {
                    _hungUp.Add(HeaderLine("Call-ID").Match(request).Value.Trim());
                }
                await ReplyAsync(request, "200 OK", received.RemoteEndPoint);
            }
        }
    }

    private async Task ReplyAsync(string request, string status, IPEndPoint to, string body = "")
    {
        string Header(string name) => HeaderLine(name).Match(request).Value.TrimEnd('\r');
        var toHeader = Header("To");
        var response = new StringBuilder($"SIP/2.0 {status}\r\n")
            .Append(Header("Via")).Append("\r\n")
            .Append(Header("From")).Append("\r\n")
            .Append(toHeader.Contains(";tag=", StringComparison.Ordinal) ? toHeader : toHeader + ";tag=callee-double").Append("\r\n")
            .Append(Header("Call-ID")).Append("\r\n")
            .Append(Header("CSeq")).Append("\r\n")
            .Append($"Contact: <sip:callee@127.0.0.1:{Endpoint.Port}>\r\n")
            .Append(body.Length > 0 ? "Content-Type: application/sdp\r\n" : "")
            .Append($"Content-Length: {body.Length}\r\n\r\n{body}");
        await _socket.SendAsync(Encoding.ASCII.GetBytes(response.ToString()), to);
    }

    private static Regex HeaderLine(string name) => new($"^{Regex.Escape(name)}:[^\\n]*", RegexOptions.Multiline | RegexOptions.IgnoreCase);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
