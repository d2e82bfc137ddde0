using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>RFC 3389 comfort noise on the media path: sent during silence when negotiated, and accepted inbound without counting as loss.</summary>
public sealed class ComfortNoiseTests
{
    private const int Cn = 13;

    [Fact]
    public void Silence_is_sent_as_a_CN_packet_at_its_start_and_every_200_ms_then_audio_resumes_with_the_marker()
    {
        var media = new OutboundMedia(G711Codec.CreateMuLaw(), 0, 101, 20, ssrc: 7, firstSequence: 100, firstTimestamp: 1000, comfortNoisePayloadType: Cn);
        var packet = new byte[1500];
        var voice = ToneAnalysis.Tone(440, 16000, AudioFormat.SamplesPerFrame, 8000);
        var sent = new List<RtpHeader>();
        var lengths = new List<int>();
        var firstPayloadBytes = new List<byte>();

        void Frame(ReadOnlySpan<short> frame, bool start = false)
        {
            var n = media.OnFrame(frame, packet, start);
            if (n > 0)
            {
                Assert.True(RtpHeader.TryParse(packet.AsSpan(0, n), out var header, out _));
                sent.Add(header);
                lengths.Add(n);
                firstPayloadBytes.Add(packet[RtpHeader.FixedLength]);
            }
        }

        Frame(voice, start: true);
        for (var i = 0; i < 25; i++)
        {
            Frame(ReadOnlySpan<short>.Empty); // 500 ms of silence
        }
        Frame(voice, start: true);

        Assert.Equal([0, Cn, Cn, Cn, 0], sent.Select(h => (int)h.PayloadType));
        Assert.Equal(RtpHeader.FixedLength + 1, lengths[1]);
        Assert.Equal(ComfortNoise.DefaultLevelDbov, firstPayloadBytes[1]); // the noise level in −dBov
        Assert.Equal(Enumerable.Range(100, 5).Select(s => (ushort)s), sent.Select(h => h.SequenceNumber)); // no gaps: nothing looks lost
        Assert.Equal([1000u, 1160u, 2760u, 4360u, 5160u], sent.Select(h => h.Timestamp)); // timestamps keep real time
        Assert.True(sent[^1].Marker);
    }

    [Fact]
    public void Without_CN_silence_is_sent_as_encoded_silence_every_20_ms()
    {
        var media = new OutboundMedia(G711Codec.CreateMuLaw(), 0, 101, 20, 7, 100, 1000);
        var packet = new byte[1500];
        for (var i = 0; i < 10; i++)
        {
            var n = media.OnFrame(ReadOnlySpan<short>.Empty, packet);
            Assert.Equal(RtpHeader.FixedLength + 160, n);
            Assert.True(RtpHeader.TryParse(packet.AsSpan(0, n), out var header, out _));
            Assert.Equal(0, header.PayloadType);
        }
    }

    [Fact]
    public void Inbound_CN_and_the_pause_after_it_play_as_quiet_noise_not_as_loss()
    {
        var inbound = new InboundMedia(G711Codec.CreateMuLaw(), 0, 101, 20, new JitterBufferOptions(), comfortNoisePayloadType: Cn);
        var packet = new byte[RtpHeader.FixedLength + 160];
        MuLaw.Encode(ToneAnalysis.Tone(1000, 8000, 160, 8000), packet.AsSpan(RtpHeader.FixedLength));
        var frame = new short[AudioFormat.SamplesPerFrame];
        var nowMs = 10_000L;
        ushort sequence = 1;
        uint timestamp = 0;
        var rms = new List<double>();

        void Tick()
        {
            nowMs += 20;
            inbound.ProduceFrame(nowMs, frame);
            rms.Add(ToneAnalysis.Rms(frame));
        }

        for (var i = 0; i < 20; i++) // 400 ms of tone
        {
            new RtpHeader(i == 0, 0, sequence++, timestamp, 9).WriteTo(packet);
            timestamp += 160;
            Assert.True(inbound.OnDatagram(packet, nowMs));
            Tick();
        }
        var cn = new byte[RtpHeader.FixedLength + 1];
        new RtpHeader(false, Cn, sequence++, timestamp, 9).WriteTo(cn);
        cn[RtpHeader.FixedLength] = 50; // −50 dBov
        Assert.True(inbound.OnDatagram(cn, nowMs));
        for (var i = 0; i < 40; i++) // 800 ms of the sender's silence: one CN packet, then nothing
        {
            Tick();
        }
        timestamp += 160 * 40;
        for (var i = 0; i < 20; i++) // the tone again
        {
            new RtpHeader(i == 0, 0, sequence++, timestamp, 9).WriteTo(packet);
            timestamp += 160;
            Assert.True(inbound.OnDatagram(packet, nowMs));
            Tick();
        }

        var statistics = inbound.JitterBuffer.Statistics;
        Assert.Equal(0, statistics.Lost);
        Assert.Equal(0, statistics.Concealed);
        Assert.Equal(0, inbound.Reception.Sequence.Lost);
        Assert.Equal(40, statistics.Played);
        Assert.True(statistics.ComfortNoise >= 30, $"{statistics.ComfortNoise} comfort-noise frames");
        var pause = rms.Skip(25).Take(30).ToList();
        Assert.All(pause, r => Assert.InRange(r, 30, 200)); // −50 dBov ≈ 104 RMS: faint noise, not silence, not the tone
        Assert.True(rms[^5] > 4000, "the tone plays again after the pause");
    }
}
