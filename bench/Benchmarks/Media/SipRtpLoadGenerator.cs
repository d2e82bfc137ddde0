using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VoiceFunctions.Benchmarks.Media.Load;

namespace VoiceFunctions.Benchmarks.Media;

/// <summary>
/// The far end of the capacity run, in a process of its own so the host's CPU figure is the host's alone: places
/// G.711 calls over SIP/UDP (INVITE with an SDP offer, ACK, later BYE), streams 20 ms PCMU packets to every
/// answered call like independent phones (each call on its own phase of the 20 ms period, <see cref="PhasedRtpStreamer"/>)
/// from one RTP socket that every offer names (<see cref="RtpBatchSocket"/>: batched system calls, so the peer costs
/// little of the CPU the host shares with it), times what comes back on the wire, then tries extra calls while the
/// first ones stream (they must be refused with 503). Reports progress on stdout, one line per phase, which the host
/// reads: ESTABLISHED n, MEASURING, OVERLOAD …, DONE key=value …, ENDED n.
/// Usage (started by <see cref="MediaCapacityRun"/>): media-capacity-generator SIP_PORT CALLS EXTRA SECONDS
/// </summary>
public static class SipRtpLoadGenerator
{
    private const int Window = 16;          // INVITEs in flight at once
    private const int WarmUpSeconds = 3;    // streaming before the measurement window opens

    private const int Batch = 256;          // datagrams per sendmmsg/recvmmsg

    private sealed class Call(int index, int rtpPort)
    {
        public int Index { get; } = index;
        public int RtpPort { get; } = rtpPort;
        public string CallId => $"cap-{Environment.ProcessId}-{Index}@127.0.0.1";
        public int Status { get; set; }
        public string? ToHeader { get; set; }
        public string? ContactUri { get; set; }
        public int MediaPort { get; set; }
        public long SentAtMs { get; set; }
        public int Attempts { get; set; }
        public bool Ended { get; set; }
    }

    public static int Run(string[] args)
    {
        var sipPort = int.Parse(args[0]);
        var calls = int.Parse(args[1]);
        var extra = int.Parse(args[2]);
        var seconds = int.Parse(args[3]);
        var host = new IPEndPoint(IPAddress.Loopback, sipPort);
        using var sip = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp) { ReceiveBufferSize = 4 << 20 };
        sip.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var local = (IPEndPoint)sip.LocalEndPoint!;

        using var rtp = new RtpBatchSocket(IPAddress.Loopback, IPAddress.Loopback, Batch);
        var all = Enumerable.Range(0, calls + extra).Select(i => new Call(i, rtp.Port)).ToList();
        var established = Place(sip, host, local, all.Take(calls).ToList());
        Console.WriteLine($"ESTABLISHED {established.Count}");

        using var stop = new CancellationTokenSource();
        var streamer = new PhasedRtpStreamer(rtp, established.Select(c => (c.MediaPort, (uint)(1000 + c.Index))).ToList(), seconds, WarmUpSeconds);
        var streaming = new Thread(() => streamer.Run(stop.Token)) { IsBackground = true, Priority = ThreadPriority.AboveNormal };
        streaming.Start();
        Thread.Sleep(TimeSpan.FromSeconds(WarmUpSeconds + 1));
        // Overload while the first calls stream: every extra INVITE must get 503 and the calls in progress stay clean.
        var overload = all.Skip(calls).ToList();
        var accepted = Place(sip, host, local, overload);
        Console.WriteLine($"OVERLOAD refused503={overload.Count(c => c.Status == 503)} accepted={accepted.Count} other={overload.Count(c => c.Status is not (503 or 200))}");
        streaming.Join();
        Hangup(sip, host, local, established.Concat(accepted).ToList());
        Console.WriteLine($"ENDED {established.Count(c => c.Ended)}");
        return 0;
    }

    // Sends INVITEs with a bounded window, retransmitting after 1 s (UDP), until every call has a final response.
    private static List<Call> Place(Socket sip, IPEndPoint host, IPEndPoint local, List<Call> calls)
    {
        var byId = calls.ToDictionary(c => c.CallId);
        var next = 0;
        var pending = new List<Call>();
        var clock = Stopwatch.StartNew();
        var buffer = new byte[65536];
        while (next < calls.Count || pending.Count > 0)
        {
            while (pending.Count < Window && next < calls.Count)
            {
                var call = calls[next++];
                SendInvite(sip, host, local, call, clock.ElapsedMilliseconds);
                pending.Add(call);
            }
            foreach (var call in pending.Where(c => clock.ElapsedMilliseconds - c.SentAtMs > 1000).ToList())
            {
                if (call.Attempts >= 5)
                {
                    call.Status = -1; // no answer
                    pending.Remove(call);
                    continue;
                }
                SendInvite(sip, host, local, call, clock.ElapsedMilliseconds);
            }
            if (!sip.Poll(5_000, SelectMode.SelectRead))
            {
                continue;
            }
            while (sip.Available > 0)
            {
                var n = sip.Receive(buffer);
                var response = SipText.Parse(Encoding.UTF8.GetString(buffer, 0, n));
                if (response is null || !byId.TryGetValue(response.CallId, out var call) || response.Status < 200 || !response.CSeq.EndsWith("INVITE"))
                {
                    continue;
                }
                if (call.Status == 0)
                {
                    call.Status = response.Status;
                    call.ToHeader = response.To;
                    call.ContactUri = response.ContactUri;
                    call.MediaPort = response.MediaPort;
                    pending.Remove(call);
                }
                if (call.Status == 200)
                {
                    Send(sip, host, Request("ACK", call, local, 1, call.ContactUri!)); // also answers a retransmitted 200
                }
            }
        }
        return calls.Where(c => c.Status == 200 && c.MediaPort > 0).ToList();
    }

    private static void SendInvite(Socket sip, IPEndPoint host, IPEndPoint local, Call call, long nowMs)
    {
        // Every call's offer names the one shared RTP socket; the host tells the calls apart by its own port per call.
        var sdp = $"v=0\r\no=gen 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {call.RtpPort} RTP/AVP 0 101\r\n" +
            "a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-16\r\na=ptime:20\r\na=sendrecv\r\n";
        Send(sip, host, Request("INVITE", call, local, 1, $"sip:load@{host}", sdp));
        call.SentAtMs = nowMs;
        call.Attempts++;
    }

    private static string Request(string method, Call call, IPEndPoint local, int cseq, string uri, string body = "")
    {
        var to = method == "INVITE" ? $"<sip:load@127.0.0.1>" : call.ToHeader;
        // A retransmitted INVITE keeps its branch (RFC 3261 17.1.1.3): with a new one the host would see a second
        // request rather than a retransmission, and may start a second call with its own RTP stream.
        var branch = $"z9hG4bK{Environment.ProcessId}x{call.Index}x{method}";
        return $"{method} {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {local};branch={branch};rport\r\nMax-Forwards: 70\r\n" +
            $"From: <sip:gen@{local}>;tag=g{call.Index}\r\nTo: {to}\r\nCall-ID: {call.CallId}\r\nCSeq: {cseq} {method}\r\n" +
            $"Contact: <sip:gen@{local}>\r\n" + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : "") +
            $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
    }

    private static void Send(Socket sip, IPEndPoint host, string message) => sip.SendTo(Encoding.UTF8.GetBytes(message), host);

    private static void Hangup(Socket sip, IPEndPoint host, IPEndPoint local, List<Call> calls)
    {
        var byId = calls.ToDictionary(c => c.CallId);
        var buffer = new byte[65536];
        var clock = Stopwatch.StartNew();
        foreach (var chunk in calls.Chunk(Window))
        {
            foreach (var call in chunk)
            {
                Send(sip, host, Request("BYE", call, local, 2, call.ContactUri!));
            }
            var deadline = clock.ElapsedMilliseconds + 2000;
            while (chunk.Any(c => !c.Ended) && clock.ElapsedMilliseconds < deadline)
            {
                if (!sip.Poll(5_000, SelectMode.SelectRead))
                {
                    continue;
                }
                var n = sip.Receive(buffer);
                if (SipText.Parse(Encoding.UTF8.GetString(buffer, 0, n)) is { } response && response.CSeq.EndsWith("BYE")
                    && byId.TryGetValue(response.CallId, out var call) && response.Status >= 200)
                {
                    call.Ended = true;
                }
            }
        }
    }
}
