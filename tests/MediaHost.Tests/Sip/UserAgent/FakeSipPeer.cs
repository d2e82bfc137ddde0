using System.Net;
using System.Text;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Transport;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>
/// A scripted SIP peer on the in-memory network: sends exactly the bytes a test writes (retransmits, drops ACKs,
/// sends BYE when told) and records everything it receives, in order.
/// </summary>
public sealed class FakeSipPeer
{
    private readonly InMemorySipTransport _transport;
    private readonly IPEndPoint _target;
    private readonly object _sync = new();
    private readonly List<SipMessage> _received = [];

    public FakeSipPeer(InMemorySipNetwork network, IPEndPoint self, IPEndPoint target)
    {
        _transport = network.Add(self);
        _target = target;
        Self = self;
        _transport.Start(r =>
        {
            lock (_sync)
            {
                _received.Add(r.Result.Message ?? throw new InvalidOperationException("peer received malformed SIP: " + r.Result.Error));
            }
        });
    }

    public IPEndPoint Self { get; }

    public IReadOnlyList<SipMessage> Received
    {
        get
        {
            lock (_sync)
            {
                return [.. _received];
            }
        }
    }

    public IEnumerable<SipMessage> Responses(int status) => Received.Where(m => !m.IsRequest && m.StatusCode == status);

    public IEnumerable<SipMessage> Requests(string method) => Received.Where(m => m.IsRequest && m.Method == method);

    public void Send(string text) => _transport.Send(Encoding.UTF8.GetBytes(text.Replace("\r\n", "\n").Replace("\n", "\r\n")), _target);

    public void SendRaw(byte[] bytes) => _transport.Send(bytes, _target);

    public void Send(SipMessage message) => _transport.Send(SipSerializer.Serialize(message), _target);

    public const string Sdp = "v=0\r\no=- 1 1 IN IP4 10.0.0.2\r\ns=-\r\nc=IN IP4 10.0.0.2\r\nt=0 0\r\nm=audio 30000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\n";

    public static string Request(string method, string callId, int cseq, string branch, string? toTag = null, string body = "", string contentType = "application/sdp", string extra = "")
    {
        var bodyBytes = Encoding.UTF8.GetByteCount(body);
        return $"{method} sip:+15550001111@10.0.0.1:5060 SIP/2.0\n" +
               $"Via: SIP/2.0/UDP 10.0.0.2:5060;branch={branch};rport\n" +
               "Max-Forwards: 70\n" +
               "From: \"Caller\" <sip:+15552223333@10.0.0.2>;tag=peer-tag\n" +
               $"To: <sip:+15550001111@10.0.0.1>{(toTag is null ? "" : ";tag=" + toTag)}\n" +
               $"Call-ID: {callId}\n" +
               $"CSeq: {cseq} {method}\n" +
               "Contact: <sip:caller@10.0.0.2:5060>\n" +
               extra +
               (bodyBytes > 0 ? $"Content-Type: {contentType}\n" : "") +
               $"Content-Length: {bodyBytes}\n\n" + body.Replace("\r\n", "\n");
    }
}
