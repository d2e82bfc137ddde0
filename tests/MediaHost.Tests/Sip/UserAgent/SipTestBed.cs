using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Sip.Messages;
using VoiceFunctions.MediaHost.Sip.Policy;
using VoiceFunctions.MediaHost.Sip.Transport;
using VoiceFunctions.MediaHost.Sip.UserAgent;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Sip.UserAgent;

/// <summary>The user agent on an in-memory network with fake time, a scripted peer, recorded media and a controlled handler.</summary>
public sealed class SipTestBed : IDisposable
{
    public static readonly IPEndPoint UaEndpoint = new(IPAddress.Parse("10.0.0.1"), 5060);
    public static readonly IPEndPoint PeerEndpoint = new(IPAddress.Parse("10.0.0.2"), 5060);

    public SipTestBed(SipUserAgentOptions? options = null, IInboundPolicy? policy = null, ICallHandler? handler = null, ILogger? logger = null)
    {
        Network = new InMemorySipNetwork();
        var transport = Transport = Network.Add(UaEndpoint);
        Peer = new FakeSipPeer(Network, PeerEndpoint, UaEndpoint);
        Agent = new SipUserAgent(options ?? new SipUserAgentOptions(), [transport], Media, new SipCallAnswering(handler ?? Handler, logger ?? NullLogger.Instance),
            policy ?? AllowAllPolicy.Instance, Time, logger ?? NullLogger.Instance, Metrics);
        Agent.Start();
    }

    public FakeTimeProvider Time { get; } = new();

    public InMemorySipTransport Transport { get; }

    public InMemorySipNetwork Network { get; }

    public FakeSipPeer Peer { get; }

    public SipUserAgent Agent { get; }

    public SipMetrics Metrics { get; } = new();

    public RecordingMediaSessionFactory Media { get; } = new();

    public ControlledCallHandler Handler { get; } = new();

    /// <summary>Sends an INVITE and returns the ringing call as the handler sees it.</summary>
    public async Task<IIncomingCall> RingAsync(string callId, string branch = "z9hG4bK-inv1", string? body = null, string extraHeaders = "")
    {
        Peer.Send(FakeSipPeer.Request("INVITE", callId, 1, branch, body: body ?? FakeSipPeer.Sdp, extra: extraHeaders));
        return await Handler.NextAsync().AsTask().DefaultTimeout();
    }

    /// <summary>Rings (the INVITE with <paramref name="extraHeaders"/>, "Name: value\n" lines), answers, and ACKs: a confirmed call. Returns the session and our To tag.</summary>
    public async Task<(ICallSession Session, string LocalTag)> ConnectAsync(string callId, string extraHeaders = "")
    {
        var incoming = await RingAsync(callId, extraHeaders: extraHeaders);
        var session = await incoming.AnswerAsync(CancellationToken.None).DefaultTimeout();
        var ok = Peer.Responses(200).Last();
        var tag = ok.To!.Tag!;
        Peer.Send(FakeSipPeer.Request("ACK", callId, 1, "z9hG4bK-ack1", tag));
        return (session, tag);
    }

    /// <summary>Places a call to the peer and answers it 200 with <paramref name="extraHeaders"/>; returns the session and our INVITE.</summary>
    public async Task<(ICallSession Session, SipMessage Invite)> PlaceAndAnswerAsync(params (string Name, string Value)[] extraHeaders)
    {
        var placed = Agent.PlaceCallAsync(new SipOutboundCallRequest("sip:+15552223333@10.0.0.2", PeerEndpoint, "agent"), CancellationToken.None);
        var invite = Assert.Single(Peer.Requests("INVITE"));
        var ok = SipResponseBuilder.Create(invite, 200, "OK", "peer-tag");
        foreach (var (name, value) in extraHeaders)
        {
            ok.Headers.Add(name, value);
        }
        ok.Headers.Add("Content-Type", "application/sdp");
        ok.Body = Encoding.UTF8.GetBytes(FakeSipPeer.Sdp);
        Peer.Send(ok);
        return (await placed.DefaultTimeout(), invite);
    }

    public void Dispose()
    {
        Agent.Dispose();
        Metrics.Dispose();
    }
}
