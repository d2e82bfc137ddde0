using System.Net;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>The session sends an agent frame from the writer's thread as soon as its slot is open (issue 4: outbound added delay).</summary>
public sealed class RtpMediaSessionSendNowTests : IAsyncDisposable
{
    private static readonly IPAddress Local = IPAddress.Parse("10.1.0.1");
    private static readonly IPEndPoint PeerEndpoint = new(IPAddress.Parse("10.1.0.2"), 30000);

    private readonly ManualTimeProvider _time = new();
    private readonly InMemoryDatagramNetwork _network = new();
    private readonly MediaMetrics _metrics = new();
    private readonly MediaClock _clock;
    private readonly RtpMediaSessionFactory _factory;
    private readonly MediaTestPeer _peer;

    public RtpMediaSessionSendNowTests()
    {
        _clock = new MediaClock(_time);
        _factory = new RtpMediaSessionFactory(_network, Local, new RtpOptions { PortMin = 20000, PortMax = 20009 }, _clock, _time, _metrics);
        _peer = new MediaTestPeer(_network, PeerEndpoint);
    }

    private RtpMediaSession Start()
    {
        var session = (RtpMediaSession)_factory.TryAllocate("call-1")!;
        session.Start(new NegotiatedMedia(PeerEndpoint, MediaCodec.Pcmu, 0, 101, 20, MediaDirection.SendReceive));
        return session;
    }

    private long _tickMs;

    // Ticks on the 20 ms grid the clock keeps, whatever time the test moved to in between.
    private void Tick(RtpMediaSession session)
    {
        _tickMs = (_tickMs == 0 ? _time.NowMs : _tickMs) + 20;
        _time.NowMs = _tickMs;
        session.OnTick(_tickMs);
    }

    private List<RtpHeader> ReceivedHeaders()
    {
        lock (_peer.Received)
        {
            return _peer.Received.Select(p => { Assert.True(RtpHeader.TryParse(p, out var h, out _)); return h; }).ToList();
        }
    }

    [Fact]
    public async Task An_agent_frame_written_between_ticks_reaches_the_peer_without_waiting_for_the_next_tick()
    {
        var session = Start();
        Tick(session);
        Tick(session);
        await MediaTestPeer.Eventually(() => _peer.ReceivedCount == 2, "two packets of silence");
        _time.NowMs += 6;

        var tone = ToneAnalysis.Tone(440, 16000, AudioFormat.SamplesPerFrame * 2, 8000);
        await session.WriteFrameAsync(tone.AsMemory(0, AudioFormat.SamplesPerFrame), CancellationToken.None).AsTask().DefaultTimeout();
        await session.WriteFrameAsync(tone.AsMemory(AudioFormat.SamplesPerFrame), CancellationToken.None).AsTask().DefaultTimeout();

        await MediaTestPeer.Eventually(() => _peer.ReceivedCount == 3, "the first frame, with no tick since it was written");
        var headers = ReceivedHeaders();
        Assert.Equal((ushort)(headers[1].SequenceNumber + 1), headers[2].SequenceNumber);
        Assert.Equal(headers[1].Timestamp + 160, headers[2].Timestamp);
        Assert.True(headers[2].Marker);
        Assert.Equal(1, _metrics.OutboundDelay.Count); // the second frame waits: its slot is not open yet
        Tick(session);
        await MediaTestPeer.Eventually(() => _peer.ReceivedCount == 4, "the second frame as its slot opens");
        Assert.Equal((ushort)(headers[2].SequenceNumber + 1), ReceivedHeaders()[3].SequenceNumber);
        Assert.Equal(2, _metrics.OutboundDelay.Count);
        Assert.Equal(1, _metrics.OutboundQueuedAhead.Count);
        Assert.Equal(15, _metrics.OutboundQueuedAhead.Percentile(100)); // written 14 ms before its slot opened
        await session.StopAsync();
    }

    [Fact]
    public async Task Codec_changes_mid_slot_keep_one_packet_per_slot_a_contiguous_sequence_and_the_sender_counts()
    {
        var session = Start();
        var frame = ToneAnalysis.Tone(440, 16000, AudioFormat.SamplesPerFrame, 8000);
        Tick(session);
        _time.NowMs += 5;
        await session.WriteFrameAsync(frame, CancellationToken.None).AsTask().DefaultTimeout(); // leaves at once as PCMU
        session.Update(new NegotiatedMedia(PeerEndpoint, MediaCodec.Pcma, 8, 101, 20, MediaDirection.SendReceive));
        await session.WriteFrameAsync(frame, CancellationToken.None).AsTask().DefaultTimeout(); // waits for the next slot
        Tick(session); // the PCMU packet already filled the slot: nothing at its deadline; the PCMA frame as the next opens
        session.Update(new NegotiatedMedia(PeerEndpoint, MediaCodec.Pcmu, 0, 101, 20, MediaDirection.SendReceive));
        Tick(session); // the PCMA frame's slot ends: nothing more for it
        Tick(session); // silence in PCMU again
        Tick(session);

        await MediaTestPeer.Eventually(() => _peer.ReceivedCount == 5, "five packets");
        var headers = ReceivedHeaders();
        Assert.Equal([0, 0, 8, 0, 0], headers.Select(h => (int)h.PayloadType));
        Assert.Equal(Enumerable.Range(headers[0].SequenceNumber, 5).Select(s => (ushort)s), headers.Select(h => h.SequenceNumber));
        Assert.True(headers[2].Marker, "a new codec starts a talk spurt");
        Assert.Equal(5u, session.Outbound!.PacketsSent);
        Assert.Equal(5u * 160, session.Outbound.OctetsSent);
        await session.StopAsync();
    }

    [Fact]
    public async Task Writes_racing_ticks_and_stop_give_every_slot_one_packet_and_nothing_after_the_stop()
    {
        var session = Start();
        var frame = ToneAnalysis.Tone(440, 16000, AudioFormat.SamplesPerFrame, 8000);
        var writer = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    await session.WriteFrameAsync(frame, CancellationToken.None);
                    if (Random.Shared.Next(3) == 0)
                    {
                        await Task.Yield();
                    }
                }
            }
            catch (InvalidOperationException)
            {
                // The call ended: what a writer sees after StopAsync.
            }
        });
        const int ticks = 300;
        for (var i = 0; i < ticks; i++)
        {
            Tick(session);
            if (i % 10 == 0)
            {
                await Task.Yield(); // let the writer in between ticks as well as during them
            }
        }
        await session.StopAsync();
        var sentAtStop = _metrics.Snapshot().PacketsSent;
        await writer.DefaultTimeout();

        Assert.Equal(sentAtStop, _metrics.Snapshot().PacketsSent);
        Assert.InRange(sentAtStop, ticks, ticks + 1); // one per slot; the slot open at the stop may have had its packet
        await MediaTestPeer.Eventually(() => _peer.ReceivedCount == sentAtStop, "every packet at the peer");
        var headers = ReceivedHeaders();
        for (var i = 1; i < headers.Count; i++)
        {
            Assert.Equal((ushort)(headers[i - 1].SequenceNumber + 1), headers[i].SequenceNumber);
            Assert.Equal(headers[i - 1].Timestamp + 160, headers[i].Timestamp);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _peer.Dispose();
        await _clock.DisposeAsync();
        _metrics.Dispose();
    }
}
