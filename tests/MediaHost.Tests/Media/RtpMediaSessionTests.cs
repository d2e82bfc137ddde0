using System.Net;
using Microsoft.Extensions.Time.Testing;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;
using VoiceFunctions.MediaHost.Rtp.Dtmf;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.TestSupport;

namespace VoiceFunctions.MediaHost.Tests.Media;

public sealed class RtpMediaSessionTests : IAsyncDisposable
{
    private static readonly IPAddress Local = IPAddress.Parse("10.1.0.1");
    private static readonly IPEndPoint PeerEndpoint = new(IPAddress.Parse("10.1.0.2"), 30000);

    private readonly FakeTimeProvider _time = new();
    private readonly InMemoryDatagramNetwork _network = new();
    private readonly MediaClock _clock;
    private readonly RtpMediaSessionFactory _factory;
    private readonly MediaTestPeer _peer;

    public RtpMediaSessionTests()
    {
        _clock = new MediaClock(_time);
        _factory = new RtpMediaSessionFactory(_network, Local, new RtpOptions { PortMin = 20000, PortMax = 20009 }, _clock, _time, new MediaMetrics());
        _peer = new MediaTestPeer(_network, PeerEndpoint);
    }

    private static NegotiatedMedia Media(MediaCodec codec, IPEndPoint? remote = null, MediaDirection direction = MediaDirection.SendReceive) =>
        new(remote ?? PeerEndpoint, codec, codec.PayloadType, 101, 20, direction);

    private RtpMediaSession Start(MediaCodec codec, IPEndPoint? remote = null)
    {
        var session = (RtpMediaSession)_factory.TryAllocate("call-1")!;
        session.Start(Media(codec, remote));
        return session;
    }

    private void Tick(int frames = 1)
    {
        for (var i = 0; i < frames; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(20));
            _clock.RunDueTicks();
        }
    }

    [Theory]
    [InlineData("PCMU")]
    [InlineData("PCMA")]
    [InlineData("G722")]
    [InlineData("opus")]
    public async Task Peer_audio_is_decoded_to_16_kHz_frames_for_the_audio_loop(string codecName)
    {
        var codec = new[] { MediaCodec.Pcmu, MediaCodec.Pcma, MediaCodec.G722, MediaCodec.Opus }.Single(c => c.Name == codecName);
        var session = Start(codec);
        Assert.True(AudioCodecs.TryCreate(codecName, out var peerCodec));
        var rate = peerCodec.Info.SampleRate;
        var tone = ToneAnalysis.Tone(1000, rate, rate * 2, 8000);
        var heard = new List<short>();
        var frame = new short[AudioFormat.SamplesPerFrame];
        for (var i = 0; i < 100; i++)
        {
            _peer.SendAudio(peerCodec, tone.AsSpan(i * rate / 50, rate / 50), session.LocalEndpoint, codec.PayloadType);
            await MediaTestPeer.Eventually(() => session.Inbound!.Reception.Sequence.Received > i, "packet received");
            Tick();
            Assert.True(await session.ReadFrameAsync(frame, CancellationToken.None).AsTask().DefaultTimeout());
            heard.AddRange(frame);
        }
        var fit = ToneAnalysis.Fit(heard.ToArray().AsSpan(16000), 1000, 16000);
        Assert.InRange(fit.Amplitude, 6000, 10000);
        Assert.True(fit.SnrDb > 20, $"{codecName}: SNR {fit.SnrDb:F1} dB");
        Assert.Equal(0, session.Inbound!.JitterBuffer.Statistics.Lost);
        await session.StopAsync();
    }

    [Fact]
    public async Task Agent_audio_goes_out_as_rtp_with_steady_sequence_timestamp_and_one_marker()
    {
        var session = Start(MediaCodec.Pcmu);
        var tone = ToneAnalysis.Tone(440, 16000, 16000, 8000);
        for (var i = 0; i < 50; i++)
        {
            await session.WriteFrameAsync(tone.AsMemory(i * 320, 320), CancellationToken.None).AsTask().DefaultTimeout();
            Tick();
        }
        await MediaTestPeer.Eventually(() => _peer.ReceivedCount >= 50, "50 packets at the peer");
        var headers = _peer.Received.Select(p => { RtpHeader.TryParse(p, out var h, out _); return h; }).ToList();
        Assert.All(headers, h => Assert.Equal(session.Ssrc, h.Ssrc));
        Assert.All(headers, h => Assert.Equal(0, h.PayloadType));
        for (var i = 1; i < headers.Count; i++)
        {
            Assert.Equal((ushort)(headers[i - 1].SequenceNumber + 1), headers[i].SequenceNumber);
            Assert.Equal(headers[i - 1].Timestamp + 160, headers[i].Timestamp);
        }
        Assert.True(headers[0].Marker);
        Assert.Single(headers, h => h.Marker);

        var pcm = _peer.Received.Skip(5).SelectMany(p => p.Skip(12).Select(MuLaw.Decode)).ToArray();
        var fit = ToneAnalysis.Fit(pcm, 440, 8000);
        Assert.True(fit.SnrDb > 25, $"SNR {fit.SnrDb:F1} dB");
        await session.StopAsync();
    }

    [Fact]
    public async Task A_peer_asking_for_10_ms_packets_is_heard_in_10_ms_packets_and_sent_20_ms_packets_without_the_send_path_failing()
    {
        var session = (RtpMediaSession)_factory.TryAllocate("call-ptime10")!;
        session.Start(new NegotiatedMedia(PeerEndpoint, MediaCodec.Pcmu, 0, 101, 10, MediaDirection.SendReceive));
        Assert.True(AudioCodecs.TryCreate("PCMU", out var peerCodec));
        var heardTone = ToneAnalysis.Tone(1000, 8000, 8000 * 2, 8000);
        var agentTone = ToneAnalysis.Tone(440, 16000, 16000 * 2, 8000);
        var heard = new List<short>();
        var frame = new short[AudioFormat.SamplesPerFrame];
        for (var i = 0; i < 100; i++)
        {
            // The peer's two 10 ms packets of this 20 ms, then our frame of agent audio.
            _peer.SendAudio(peerCodec, heardTone.AsSpan(i * 160, 80), session.LocalEndpoint, 0);
            _peer.SendAudio(peerCodec, heardTone.AsSpan(i * 160 + 80, 80), session.LocalEndpoint, 0);
            await MediaTestPeer.Eventually(() => session.Inbound!.Reception.Sequence.Received >= 2 * (i + 1), "two packets received");
            await session.WriteFrameAsync(agentTone.AsMemory(i * 320, 320), CancellationToken.None).AsTask().DefaultTimeout();
            Tick();
            Assert.True(await session.ReadFrameAsync(frame, CancellationToken.None).AsTask().DefaultTimeout());
            heard.AddRange(frame);
        }

        var fit = ToneAnalysis.Fit(heard.ToArray().AsSpan(16000), 1000, 16000);
        Assert.True(fit.SnrDb > 20, $"heard SNR {fit.SnrDb:F1} dB");
        await MediaTestPeer.Eventually(() => _peer.ReceivedCount >= 100, "100 packets at the peer");
        // RFC 3551 4.5: a receiver takes any packet length up to 200 ms; our 20 ms frames go out whole, one per slot.
        Assert.All(_peer.Received, p => Assert.Equal(RtpHeader.FixedLength + 160, p.Length));
        var sent = _peer.Received.Skip(5).SelectMany(p => p.Skip(RtpHeader.FixedLength).Select(MuLaw.Decode)).ToArray();
        Assert.True(ToneAnalysis.Fit(sent, 440, 8000).SnrDb > 25);
        await session.StopAsync();
    }

    [Fact]
    public async Task Silence_is_sent_when_the_agent_has_nothing_to_say()
    {
        var session = Start(MediaCodec.Pcma);
        Tick(10);
        await MediaTestPeer.Eventually(() => _peer.ReceivedCount >= 10, "10 packets");
        Assert.All(_peer.Received, p => Assert.All(p.Skip(12), b => Assert.Equal(0, ALaw.Decode(b) / 16)));
        await session.StopAsync();
    }

    [Fact]
    public async Task Rtp_is_sent_back_to_the_address_the_peer_really_sends_from()
    {
        var sdpAddress = new IPEndPoint(IPAddress.Parse("192.0.2.10"), 4000); // what the peer wrote in SDP (behind NAT)
        var session = Start(MediaCodec.Pcmu, sdpAddress);
        _peer.SendAudio(G711Codec.CreateMuLaw(), new short[160], session.LocalEndpoint, 0);
        await MediaTestPeer.Eventually(() => session.AddressesLearned == 1, "address learned");
        Assert.Equal(PeerEndpoint, session.RemoteEndpoint);
        Tick(3);
        await MediaTestPeer.Eventually(() => _peer.ReceivedCount >= 3, "packets at the real address");
        await session.StopAsync();
    }

    [Fact]
    public async Task No_rtp_after_answer_ends_the_call_with_media_timeout_after_30_s()
    {
        var session = Start(MediaCodec.Pcmu);
        var ended = new TaskCompletionSource<CallEnded>();
        session.Failed += e => ended.TrySetResult(e);
        Tick(29 * 50);
        Assert.False(ended.Task.IsCompleted);
        Tick(51);
        var reason = await ended.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.MediaTimeout, reason.Reason);
        Assert.Contains("30 s", reason.Detail);
        await session.StopAsync();
    }

    [Fact]
    public async Task Rtp_that_stops_mid_call_ends_it_with_media_timeout_after_15_s()
    {
        var session = Start(MediaCodec.Pcmu);
        var ended = new TaskCompletionSource<CallEnded>();
        session.Failed += e => ended.TrySetResult(e);
        _peer.SendAudio(G711Codec.CreateMuLaw(), new short[160], session.LocalEndpoint, 0);
        await MediaTestPeer.Eventually(() => session.Inbound!.Reception.Sequence.Received == 1, "first packet");
        Tick(14 * 50);
        Assert.False(ended.Task.IsCompleted);
        Tick(51);
        var reason = await ended.Task.DefaultTimeout();
        Assert.Equal(CallEndReason.MediaTimeout, reason.Reason);
        Assert.Contains("15 s", reason.Detail);
        await session.StopAsync();
    }

    [Fact]
    public async Task Hold_does_not_time_out_and_sends_nothing()
    {
        var session = Start(MediaCodec.Pcmu);
        var failed = false;
        session.Failed += _ => failed = true;
        session.Update(Media(MediaCodec.Pcmu, direction: MediaDirection.Inactive));
        Tick(40 * 50);
        await Task.Delay(50);
        Assert.False(failed);
        Assert.Empty(_peer.Received);
        await session.StopAsync();
    }

    [Fact]
    public async Task Rtcp_sender_report_comes_after_half_the_interval_and_bye_at_the_end()
    {
        var session = Start(MediaCodec.Pcmu);
        _peer.SendAudio(G711Codec.CreateMuLaw(), new short[160], session.LocalEndpoint, 0, ssrc: 0xABCDEF);
        await MediaTestPeer.Eventually(() => session.Inbound!.Reception.Sequence.Received == 1, "first packet");
        Tick(5 * 50 + 1);
        await MediaTestPeer.Eventually(() => _peer.RtcpReceived.Count >= 1, "an RTCP report");
        var report = _peer.RtcpReceived[0];
        Assert.True(RtcpPacket.TryReadNext(report, out var sr, out _));
        var blocks = new RtcpReportBlock[1];
        Assert.True(sr.TryReadSenderReport(out var ssrc, out var info, blocks, out var count));
        Assert.Equal(session.Ssrc, ssrc);
        Assert.InRange(info.PacketCount, 120u, 130u); // the first report comes after half the 5 s interval
        Assert.Equal(1, count);
        Assert.Equal(0xABCDEFu, blocks[0].Ssrc);

        await session.StopAsync();
        await MediaTestPeer.Eventually(() => _peer.RtcpReceived.Count >= 2, "BYE");
        var last = _peer.RtcpReceived[^1].AsSpan();
        var types = new List<RtcpPacketType>();
        while (RtcpPacket.TryReadNext(last, out var p, out var consumed))
        {
            types.Add(p.Type);
            last = last[consumed..];
        }
        Assert.Equal(RtcpPacketType.Goodbye, types[^1]);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.05, 2)]
    [InlineData(0.05, 3)]
    public async Task Rfc4733_digits_from_the_peer_are_raised_once_each(double loss, int seed)
    {
        var random = new Random(seed);
        _network.Filter = (from, _, _) => from.Port != PeerEndpoint.Port || random.NextDouble() >= loss;
        var session = Start(MediaCodec.Pcmu);
        var digits = new List<DtmfDigit>();
        session.DtmfReceived += d => { lock (digits) digits.Add(d); };
        var sender = new DtmfSender(8000);
        uint ts = 1000;
        ushort seq = 1;
        foreach (var key in "19#")
        {
            sender.Start(key, TimeSpan.FromMilliseconds(100), ts, 8000);
            var payload = new byte[4];
            while (sender.TryNext(payload, out var len, out var marker))
            {
                var packet = new byte[16];
                new RtpHeader(marker, 101, seq++, sender.EventTimestamp, 7).WriteTo(packet);
                payload.CopyTo(packet, 12);
                _peer.SendRaw(packet, session.LocalEndpoint);
            }
            ts += 2000;
        }
        Tick(20); // the receiver's end timeout covers a digit whose end packets were all lost
        await MediaTestPeer.Eventually(() => { lock (digits) return digits.Count >= 3; }, "three digits");
        await Task.Delay(50);
        Assert.Equal("19#", new string(digits.Select(d => d.Digit).ToArray()));
        await session.StopAsync();
    }

    [Fact]
    public async Task Our_digits_go_out_as_rfc4733_events_and_the_peer_decodes_each_once()
    {
        var session = Start(MediaCodec.Pcmu);
        foreach (var key in "5*")
        {
            Assert.True(session.SendDtmf(key, TimeSpan.FromMilliseconds(100)));
            Assert.False(session.SendDtmf('1', TimeSpan.FromMilliseconds(100)), "one digit at a time");
            Tick(10);
        }
        await MediaTestPeer.Eventually(() => _peer.ReceivedCount >= 20, "packets at the peer");
        var receiver = new DtmfReceiver(8000);
        var digits = new List<DtmfDigit>();
        var completed = new DtmfDigit[2];
        List<byte[]> received;
        lock (_peer.Received) received = _peer.Received.ToList();
        foreach (var packet in received)
        {
            Assert.True(RtpHeader.TryParse(packet, out var h, out var offset));
            if (h.PayloadType == 101)
            {
                var n = receiver.OnPacket(h.Timestamp, h.PayloadOf(packet, offset), 0, completed);
                digits.AddRange(completed.AsSpan(0, n).ToArray());
            }
        }
        Assert.Equal("5*", new string(digits.Select(d => d.Digit).ToArray()));
        Assert.All(digits, d => Assert.Equal(TimeSpan.FromMilliseconds(100), d.Duration));
        await session.StopAsync();
    }

    [Fact]
    public async Task Garbage_and_unnegotiated_payload_types_are_counted_and_ignored()
    {
        var session = Start(MediaCodec.Pcmu);
        _peer.SendRaw([1, 2, 3], session.LocalEndpoint);
        var wrongType = new byte[172];
        new RtpHeader(false, 8, 1, 0, 9).WriteTo(wrongType);
        _peer.SendRaw(wrongType, session.LocalEndpoint);
        await MediaTestPeer.Eventually(() => session.Inbound!.Rejected == 2, "two rejected");
        Assert.Equal(0, session.AddressesLearned);
        await session.StopAsync();
    }

    [Fact]
    public async Task Port_range_is_shared_out_in_pairs_and_exhaustion_returns_null()
    {
        var sessions = Enumerable.Range(0, 5).Select(i => _factory.TryAllocate($"c{i}")).ToList();
        Assert.All(sessions, s => Assert.NotNull(s));
        Assert.Equal([20000, 20002, 20004, 20006, 20008], sessions.Select(s => s!.LocalEndpoint.Port).Order());
        Assert.Null(_factory.TryAllocate("one-too-many"));
        await sessions[2]!.StopAsync();
        Assert.Equal(20004, _factory.TryAllocate("again")!.LocalEndpoint.Port);
    }

    [Fact]
    public void Ports_taken_by_another_program_are_skipped()
    {
        using var squatter = _network.Bind(new IPEndPoint(Local, 20001));
        var session = _factory.TryAllocate("c")!;
        Assert.Equal(20002, session.LocalEndpoint.Port);
    }

    [Fact]
    public void Invalid_port_range_is_rejected_with_the_setting_named()
    {
        var error = Assert.Throws<ArgumentException>(() => new RtpMediaSessionFactory(_network, Local,
            new RtpOptions { PortMin = 30000, PortMax = 20000 }, _clock, _time, new MediaMetrics()));
        Assert.Contains("Rtp:PortMin (30000)", error.Message);
    }

    public async ValueTask DisposeAsync()
    {
        _peer.Dispose();
        await _clock.DisposeAsync();
    }
}
