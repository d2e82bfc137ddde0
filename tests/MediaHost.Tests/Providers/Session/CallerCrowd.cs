using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// Many callers at the SIP/RTP level in this process (baresip does not scale to a hundred calls here): places the
/// calls over SIP/UDP (INVITE with a PCMU offer, ACK, BYE at the end), then streams 20 ms PCMU packets to every call
/// from one paced thread like independent phones: <see cref="Plan.LeadSeconds"/> of silence plus a per-call offset
/// (spreading the turns), then the question, a pause, the question again… Each <see cref="LoadCall"/> times its
/// questions' last voiced packet and the host's voiced packets, so voice-to-voice is read on the wire.
/// </summary>
internal sealed class CallerCrowd : IAsyncDisposable
{
    private const int FrameSamples = 160;
    private static readonly long TicksPerFrame = Stopwatch.Frequency / 50;

    private readonly Socket _sip = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _host;
    private readonly ConcurrentDictionary<string, (LoadCall Call, TaskCompletionSource<int> Final)> _inviting = new();
    private readonly List<LoadCall> _calls = [];
    private readonly Task _sipReading;
    private readonly List<Task> _rtpReading = [];

    /// <summary>What every caller says and when.</summary>
    public sealed record Plan(short[] Question8k, int Questions, double LeadSeconds = 3.5, double PauseSeconds = 4.5, double SpreadSeconds = 0);

    public CallerCrowd(IPEndPoint host)
    {
        _host = host;
        _sip.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sipReading = Task.Run(ReadSipAsync);
    }

    public IReadOnlyList<LoadCall> Calls => _calls;

    /// <summary>Called on the pacing thread as a call starts to say question q (keep it short).</summary>
    public Action<LoadCall, int>? OnQuestion { get; set; }

    private IPEndPoint Local => (IPEndPoint)_sip.LocalEndPoint!;

    /// <summary>Places <paramref name="count"/> calls (at most <paramref name="window"/> INVITEs in flight); returns how many were answered with 200.</summary>
    public async Task<int> PlaceAsync(int count, Plan plan, int window = 32)
    {
        var spreadFrames = (int)(plan.SpreadSeconds * 50);
        for (var i = 0; i < count; i++)
        {
            _calls.Add(new LoadCall(i, plan.Questions, (int)(plan.LeadSeconds * 50) + (count > 1 ? spreadFrames * i / count : 0)));
        }
        using var gate = new SemaphoreSlim(window);
        await Task.WhenAll(_calls.Select(async call =>
        {
            await gate.WaitAsync();
            try
            {
                await InviteAsync(call);
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var call in _calls.Where(c => c.Status == 200))
        {
            _rtpReading.Add(Task.Run(call.ReceiveAsync));
        }
        return _calls.Count(c => c.Status == 200);
    }

    /// <summary>Streams every answered call's microphone in real time until each has asked its questions and paused after the last.</summary>
    public Task StreamAsync(Plan plan)
    {
        var question = Encode(plan.Question8k, out var lastVoiced);
        var period = question.Length + (int)(plan.PauseSeconds * 50);
        var live = _calls.Where(c => c.HostMedia is not null).ToList();
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Pace(live, question, lastVoiced, period, plan.Questions);
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }) { IsBackground = true, Priority = ThreadPriority.AboveNormal, Name = "caller-crowd-rtp" };
        thread.Start();
        return done.Task;
    }

    private void Pace(List<LoadCall> live, byte[][] question, int lastVoiced, int period, int questions)
    {
        var silence = Enumerable.Repeat((byte)0xFF, FrameSamples).ToArray();
        var packet = new byte[12 + FrameSamples];
        var frames = live.Count == 0 ? 0 : live.Max(c => c.LeadFrames) + questions * period;
        var start = Stopwatch.GetTimestamp();
        for (var tick = 0; tick < frames; tick++)
        {
            var due = start + tick * TicksPerFrame;
            while (Stopwatch.GetTimestamp() < due)
            {
                var left = (due - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
                Thread.Sleep(left > 2 ? (int)left - 1 : 0);
            }
            foreach (var call in live)
            {
                var f = tick - call.LeadFrames;
                var (q, r) = f < 0 ? (-1, 0) : (f / period, f % period);
                var speaking = q >= 0 && q < questions && r < question.Length;
                if (speaking && r == 0)
                {
                    call.QuestionStarts[q] = Stopwatch.GetTimestamp();
                    OnQuestion?.Invoke(call, q);
                }
                WriteHeader(packet, call.Index, tick);
                (speaking ? question[r] : silence).CopyTo(packet, 12);
                call.Rtp.SendTo(packet, call.HostMedia!);
                if (speaking && r == lastVoiced)
                {
                    call.QuestionEnds[q] = Stopwatch.GetTimestamp();
                }
            }
        }
    }

    private static void WriteHeader(byte[] packet, int ssrc, int tick)
    {
        packet[0] = 0x80;
        packet[1] = 0; // PCMU
        packet[2] = (byte)(tick >> 8);
        packet[3] = (byte)tick;
        var timestamp = (uint)(tick * FrameSamples);
        packet[4] = (byte)(timestamp >> 24);
        packet[5] = (byte)(timestamp >> 16);
        packet[6] = (byte)(timestamp >> 8);
        packet[7] = (byte)timestamp;
        var id = (uint)(0x5000 + ssrc);
        packet[8] = (byte)(id >> 24);
        packet[9] = (byte)(id >> 16);
        packet[10] = (byte)(id >> 8);
        packet[11] = (byte)id;
    }

    /// <summary>The question as 20 ms PCMU frames, and the index of its last voiced frame.</summary>
    private static byte[][] Encode(short[] pcm8k, out int lastVoiced)
    {
        var frames = new byte[(pcm8k.Length + FrameSamples - 1) / FrameSamples][];
        lastVoiced = 0;
        for (var i = 0; i < frames.Length; i++)
        {
            var samples = new short[FrameSamples];
            pcm8k.AsSpan(i * FrameSamples, Math.Min(FrameSamples, pcm8k.Length - i * FrameSamples)).CopyTo(samples);
            frames[i] = new byte[FrameSamples];
            MuLaw.Encode(samples, frames[i]);
            if (LoadCall.Dbfs(samples) > WireAnswer.VoicedDbfs)
            {
                lastVoiced = i;
            }
        }
        return frames;
    }

    private async Task InviteAsync(LoadCall call)
    {
        var final = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _inviting[call.CallId] = (call, final);
        var sdp = $"v=0\r\no=crowd {call.Index} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {call.RtpPort} RTP/AVP 0\r\n"
            + "a=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n";
        for (var attempt = 0; attempt < 15 && !final.Task.IsCompleted; attempt++)
        {
            Send(Request("INVITE", call, 1, $"sip:+74950001111@{_host}", sdp));
            await Task.WhenAny(final.Task, Task.Delay(TimeSpan.FromSeconds(2)));
        }
        call.Status = final.Task.IsCompleted ? await final.Task : -1;
    }

    private string Request(string method, LoadCall call, int cseq, string uri, string body = "")
    {
        var to = method == "INVITE" ? "<sip:+74950001111@127.0.0.1>" : call.To;
        var branch = $"z9hG4bK{Environment.ProcessId}c{call.Index}{method}";
        return $"{method} {uri} SIP/2.0\r\nVia: SIP/2.0/UDP {Local};branch={branch};rport\r\nMax-Forwards: 70\r\n"
            + $"From: <sip:+79990000000@127.0.0.1>;tag=crowd{call.Index}\r\nTo: {to}\r\nCall-ID: {call.CallId}\r\nCSeq: {cseq} {method}\r\n"
            + $"Contact: <sip:crowd@{Local}>\r\n" + (body.Length > 0 ? "Content-Type: application/sdp\r\n" : "")
            + $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
    }

    private void Send(string message) => _sip.SendTo(Encoding.UTF8.GetBytes(message), _host);

    private async Task ReadSipAsync()
    {
        var buffer = new byte[65536];
        while (true)
        {
            int n;
            try
            {
                n = await _sip.ReceiveAsync(buffer);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                return;
            }
            var read = SipParser.ParseDatagram(buffer.AsSpan(0, n));
            if (read.Message is not { } message || message.CallId is not { } callId)
            {
                continue;
            }
            if (message.IsRequest)
            {
                AnswerRequest(message, buffer.AsSpan(0, n));
                continue;
            }
            if (message.StatusCode < 200 || message.TransactionMethod != "INVITE" || !_inviting.TryGetValue(callId, out var entry))
            {
                continue;
            }
            var call = entry.Call;
            if (message.StatusCode == 200 && call.To is null)
            {
                call.To = message.Headers.Get("To");
                var contact = message.Headers.Get("Contact") ?? "";
                call.Contact = contact.Contains('<') ? contact[(contact.IndexOf('<') + 1)..contact.IndexOf('>')] : contact;
                var port = Encoding.UTF8.GetString(message.Body.Span).Split("\r\n").First(l => l.StartsWith("m=audio ", StringComparison.Ordinal)).Split(' ')[1];
                call.HostMedia = new IPEndPoint(IPAddress.Loopback, int.Parse(port));
            }
            if (message.StatusCode == 200)
            {
                Send(Request("ACK", call, 1, call.Contact!)); // also answers a retransmitted 200
            }
            entry.Final.TrySetResult(message.StatusCode);
        }
    }

    // The host may end a call itself (BYE): a 200 with the request's dialog headers.
    private void AnswerRequest(SipMessage request, ReadOnlySpan<byte> raw)
    {
        if (request.Method == "ACK")
        {
            return;
        }
        var text = Encoding.UTF8.GetString(raw);
        var headers = text[..text.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n").Skip(1)
            .Where(h => h.StartsWith("Via:", StringComparison.OrdinalIgnoreCase) || h.StartsWith("From:", StringComparison.OrdinalIgnoreCase)
                || h.StartsWith("To:", StringComparison.OrdinalIgnoreCase) || h.StartsWith("Call-ID:", StringComparison.OrdinalIgnoreCase)
                || h.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase));
        Send("SIP/2.0 200 OK\r\n" + string.Join("\r\n", headers) + "\r\nContent-Length: 0\r\n\r\n");
    }

    /// <summary>Hangs every answered call up (BYE), without waiting for the answers.</summary>
    public void HangUp()
    {
        foreach (var call in _calls.Where(c => c.Status == 200 && c.Contact is not null))
        {
            Send(Request("BYE", call, 2, call.Contact!));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _sip.Dispose();
        foreach (var call in _calls)
        {
            call.Dispose();
        }
        await _sipReading;
        await Task.WhenAll(_rtpReading);
    }
}
