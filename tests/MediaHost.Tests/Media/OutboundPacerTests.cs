using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>
/// When each 20 ms slot's packet leaves (<see cref="OutboundPacer"/>), on fake time: at once when the audio loop
/// writes into an open empty slot, at the next slot's opening when it wrote ahead, at the deadline (silence, CN,
/// DTMF) when it wrote nothing; always one packet per slot, exactly the packets the clock alone used to send.
/// </summary>
public sealed class OutboundPacerTests
{
    private const int Cn = 13;
    private const int FirstSequence = 100;
    private const uint FirstTimestamp = 1000;

    private readonly ManualTimeProvider _time = new();
    private readonly FrameRing _queue;
    private readonly OutboundPacer _pacer;
    private readonly LatenessHistogram _own = new();
    private readonly LatenessHistogram _ahead = new();
    private readonly byte[] _packet = new byte[1500];
    private long _tickMs;

    public OutboundPacerTests()
    {
        _queue = new FrameRing(25, AudioFormat.SamplesPerFrame, _time);
        _pacer = new OutboundPacer(_queue, AudioFormat.SamplesPerFrame, _time) { OwnDelay = _own, QueuedAhead = _ahead };
        _tickMs = _time.NowMs;
    }

    private static OutboundMedia NewMedia(int packetTimeMs = 20, int? comfortNoise = null) =>
        new(G711Codec.CreateMuLaw(), 0, 101, packetTimeMs, ssrc: 7, FirstSequence, FirstTimestamp, comfortNoise);

    private static short[] Frame(short level) => Enumerable.Repeat(level, AudioFormat.SamplesPerFrame).ToArray();

    private void AdvanceTo(long ms) => _time.NowMs = ms;

    /// <summary>Writes a frame now; returns the packet that left at once, if any.</summary>
    private Sent? Write(OutboundMedia media, short level, bool maySend = true)
    {
        Assert.True(_queue.WriteAsync(Frame(level), CancellationToken.None).IsCompletedSuccessfully);
        return Packet(_pacer.OnFrameWritten(media, maySend, _packet));
    }

    /// <summary>Runs the tick that ends the open slot (time moves to it): what the deadline sent, and what the new slot sent at once.</summary>
    private (Sent? AtDeadline, Sent? AtOpening) Tick(OutboundMedia media, bool maySend = true)
    {
        _tickMs += 20;
        AdvanceTo(_tickMs);
        var atDeadline = Packet(_pacer.CloseSlot(media, maySend, _packet));
        var atOpening = Packet(_pacer.OpenSlot(_tickMs, media, maySend, _packet));
        return (atDeadline, atOpening);
    }

    private Sent? Packet(int length)
    {
        if (length == 0)
        {
            return null;
        }
        Assert.True(RtpHeader.TryParse(_packet.AsSpan(0, length), out var header, out var offset));
        var payload = header.PayloadOf(_packet.AsSpan(0, length), offset);
        var level = header.PayloadType == 0 ? MuLaw.Decode(payload[payload.Length / 2]) : (short)0;
        return new Sent(header, level, _time.NowMs, _packet.AsSpan(0, length).ToArray());
    }

    private sealed record Sent(RtpHeader Header, short Level, long AtMs, byte[] Bytes);

    [Fact]
    public void A_frame_written_mid_slot_leaves_at_once_with_that_slots_sequence_and_timestamp()
    {
        var media = NewMedia();
        Tick(media);
        Tick(media);
        Tick(media); // three slots of silence: 100, 101, 102
        AdvanceTo(_tickMs + 7);

        var sent = Write(media, 4000);

        Assert.NotNull(sent);
        Assert.Equal(FirstSequence + 3, sent.Header.SequenceNumber);
        Assert.Equal(FirstTimestamp + 3 * 160, sent.Header.Timestamp);
        Assert.True(sent.Header.Marker, "the first audio after silence starts a talk spurt");
        Assert.InRange(sent.Level, 3600, 4400);
        Assert.Equal(1, _own.Count);
        Assert.Equal(1, _own.Percentile(100)); // 0 ms: the packet left as it was written (bucket upper edge)
        Assert.Equal(0, _ahead.Count);

        var (atDeadline, atOpening) = Tick(media);
        Assert.Null(atDeadline); // the slot already has its packet
        Assert.Null(atOpening);
    }

    [Fact]
    public void A_frame_written_after_its_slots_packet_left_waits_for_the_next_slot_to_open()
    {
        var media = NewMedia();
        AdvanceTo(_tickMs + 5);
        var first = Write(media, 4000);
        AdvanceTo(_tickMs + 8);
        var second = Write(media, -4000);

        Assert.NotNull(first);
        Assert.Null(second);
        var (atDeadline, atOpening) = Tick(media);
        Assert.Null(atDeadline);
        Assert.NotNull(atOpening);
        Assert.Equal(_tickMs, atOpening.AtMs);
        Assert.Equal(FirstSequence + 1, atOpening.Header.SequenceNumber);
        Assert.Equal(FirstTimestamp + 160, atOpening.Header.Timestamp);
        Assert.False(atOpening.Header.Marker);
        Assert.InRange(atOpening.Level, -4400, -3600);
        Assert.Equal(1, _ahead.Count);
        Assert.Equal(13, _ahead.Percentile(100)); // written 12 ms before its slot opened
        Assert.Equal(2, _own.Count);
        Assert.Equal(1, _own.Percentile(100)); // neither waited for the path itself
    }

    [Fact]
    public void A_writer_ten_frames_ahead_is_paced_one_packet_per_20_ms_slot()
    {
        var media = NewMedia();
        AdvanceTo(_tickMs + 5);
        var sent = new List<Sent>();
        for (short i = 1; i <= 10; i++)
        {
            if (Write(media, (short)(i * 1000)) is { } now)
            {
                sent.Add(now);
            }
        }
        Assert.Single(sent);
        for (var tick = 1; tick <= 9; tick++)
        {
            var (atDeadline, atOpening) = Tick(media);
            Assert.Null(atDeadline);
            Assert.NotNull(atOpening);
            Assert.Equal(_tickMs, atOpening.AtMs);
            sent.Add(atOpening);
        }
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 1000.0), sent.Select(s => Math.Round(s.Level / 1000.0) * 1000));
        Assert.Equal(Enumerable.Range(FirstSequence, 10).Select(s => (ushort)s), sent.Select(s => s.Header.SequenceNumber));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => FirstTimestamp + (uint)(160 * i)), sent.Select(s => s.Header.Timestamp));
        Assert.Equal(9, _ahead.Count);
        Assert.Equal(176, _ahead.Percentile(100)); // the last waited 9 slots less the 5 ms into the first

        var (silence, nothingQueued) = Tick(media);
        Assert.Null(silence);
        Assert.Null(nothingQueued);
        Assert.NotNull(Tick(media).AtDeadline); // the queue ran dry: the next slot gets silence at its deadline
    }

    [Fact]
    public void With_nothing_written_silence_leaves_at_each_deadline()
    {
        var media = NewMedia();
        for (var i = 0; i < 5; i++)
        {
            var (atDeadline, atOpening) = Tick(media);
            Assert.NotNull(atDeadline);
            Assert.Null(atOpening);
            Assert.Equal(_tickMs, atDeadline.AtMs);
            Assert.Equal(FirstSequence + i, atDeadline.Header.SequenceNumber);
            Assert.InRange(atDeadline.Level, -8, 8);
        }
        Assert.Equal(0, _own.Count);
    }

    [Fact]
    public void On_hold_nothing_leaves_and_queued_audio_is_taken_one_frame_per_deadline()
    {
        var media = NewMedia();
        for (var i = 0; i < 3; i++)
        {
            Assert.Null(Write(media, 4000, maySend: false));
        }
        Assert.Equal((null, null), Tick(media, maySend: false));
        Assert.Equal(2, _queue.Count);
        Assert.Equal((null, null), Tick(media, maySend: false));
        Assert.Equal(1, _queue.Count);

        var (resumed, atOpening) = Tick(media); // off hold before this slot ended: it sends the last queued frame
        Assert.NotNull(resumed);
        Assert.Null(atOpening);
        Assert.Equal(FirstSequence, resumed.Header.SequenceNumber); // nothing was sent on hold: no gap
        Assert.Equal(FirstTimestamp + 2 * 160, resumed.Header.Timestamp); // the timeline kept going
        Assert.True(resumed.Header.Marker);
        Assert.Equal(0, _queue.Count);
    }

    [Fact]
    public void With_40_ms_packets_a_packet_leaves_when_the_frame_that_completes_it_fills_its_slot()
    {
        var media = NewMedia(packetTimeMs: 40);
        AdvanceTo(_tickMs + 3);
        Assert.Null(Write(media, 4000)); // the first half of the packet fills slot 0
        Assert.Null(Write(media, 4000)); // slot 0 is filled: this one waits for slot 1
        var (atDeadline, atOpening) = Tick(media);
        Assert.Null(atDeadline);
        Assert.NotNull(atOpening); // slot 1 opens and completes the 40 ms packet at once
        Assert.Equal(FirstTimestamp, atOpening.Header.Timestamp);
        Assert.Equal(RtpHeader.FixedLength + 320, atOpening.Bytes.Length);

        AdvanceTo(_tickMs + 4);
        Assert.Null(Write(media, 4000)); // slot 1 is filled: this one waits for slot 2
        Assert.Equal((null, null), Tick(media)); // slot 2 opens and takes it: the first half of the next packet
        Assert.Equal((null, null), Tick(media)); // slot 3 opens with nothing queued
        var completed = Tick(media).AtDeadline; // slot 3 gets silence at its deadline: the packet completes
        Assert.NotNull(completed);
        Assert.Equal(FirstSequence + 1, completed.Header.SequenceNumber);
        Assert.Equal(FirstTimestamp + 320, completed.Header.Timestamp);
    }

    [Fact]
    public void Comfort_noise_and_dtmf_take_empty_slots_at_their_deadline_and_audio_written_during_a_digit_carries_its_event()
    {
        var media = NewMedia(comfortNoise: Cn);
        var cn = Tick(media).AtDeadline;
        Assert.NotNull(cn);
        Assert.Equal(Cn, cn.Header.PayloadType);
        Assert.Null(Tick(media).AtDeadline); // CN refreshes every 200 ms, not every slot

        Assert.True(media.StartDtmf('5', TimeSpan.FromMilliseconds(60)));
        var firstEvent = Tick(media).AtDeadline;
        Assert.NotNull(firstEvent);
        Assert.Equal(101, firstEvent.Header.PayloadType);
        Assert.Equal(FirstSequence + 1, firstEvent.Header.SequenceNumber);
        Assert.True(firstEvent.Header.Marker);

        AdvanceTo(_tickMs + 2);
        var duringDigit = Write(media, 4000); // the digit replaces the audio, but the slot's packet goes now
        Assert.NotNull(duringDigit);
        Assert.Equal(101, duringDigit.Header.PayloadType);
        Assert.Equal(FirstSequence + 2, duringDigit.Header.SequenceNumber);
        Assert.Equal(firstEvent.Header.Timestamp, duringDigit.Header.Timestamp); // one event: its start timestamp
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(2, null)]
    [InlineData(3, Cn)]
    [InlineData(4, Cn)]
    [InlineData(5, null)]
    public void Any_interleaving_of_writes_ticks_holds_and_digits_sends_the_clock_only_packets_once_each_never_later(int seed, int? comfortNoise)
    {
        // The reference: what the clock alone sent before (each tick: take a queued frame or silence, encode, send).
        var referenceQueue = new FrameRing(25, AudioFormat.SamplesPerFrame);
        var reference = NewMedia(comfortNoise: comfortNoise);
        var referenceFrame = new short[AudioFormat.SamplesPerFrame];
        var referenceTalking = false;
        var referencePackets = new List<(byte[] Bytes, long AtMs)>();

        var media = NewMedia(comfortNoise: comfortNoise);
        var packets = new List<Sent>();
        var random = new Random(seed);
        var maySend = true;
        short level = 0;
        for (var slot = 0; slot < 2000; slot++)
        {
            var writes = random.Next(10) switch { < 4 => 0, < 8 => 1, 8 => 2, _ => random.Next(3, 6) };
            for (var w = 0; w < writes && _queue.Count < 20; w++)
            {
                AdvanceTo(Math.Max(_time.NowMs, _tickMs + random.Next(0, 20)));
                level = (short)((level + 1000) % 16000);
                var frame = Frame(level);
                Assert.True(referenceQueue.WriteAsync(frame, CancellationToken.None).IsCompletedSuccessfully);
                if (Write(media, level, maySend) is { } now)
                {
                    packets.Add(now);
                }
            }
            if (maySend && random.Next(40) == 0 && !_pacer.SlotFilled && !media.IsSendingDtmf)
            {
                // A digit started while the slot is still empty starts in that slot in both; once the slot's packet
                // has left it starts in the next one instead (its event timestamp says so), which only the reference cannot do.
                var duration = TimeSpan.FromMilliseconds(random.Next(2, 6) * 20);
                Assert.True(media.StartDtmf('7', duration));
                Assert.True(reference.StartDtmf('7', duration));
            }

            // The reference's tick.
            var hasAudio = referenceQueue.TryRead(referenceFrame);
            if (maySend)
            {
                var n = reference.OnFrame(hasAudio ? referenceFrame : ReadOnlySpan<short>.Empty, _packet, hasAudio && !referenceTalking);
                if (n > 0)
                {
                    referencePackets.Add((_packet.AsSpan(0, n).ToArray(), _tickMs + 20));
                }
            }
            else
            {
                reference.SkipFrame();
            }
            referenceTalking = hasAudio;

            var (atDeadline, atOpening) = Tick(media, maySend);
            packets.AddRange(new[] { atDeadline, atOpening }.OfType<Sent>());
            if (random.Next(100) == 0 && !_pacer.SlotFilled)
            {
                // Hold and resume (a re-INVITE's Update). Only while the open slot is empty: a hold that comes after
                // the slot's packet left cannot take it back, which only the reference (sending at the deadline) can.
                maySend = !maySend;
            }
        }
        // The reference's last open slot never ticked: leave out a packet the pacer already sent for it.
        var compared = packets.Take(referencePackets.Count).ToList();
        Assert.InRange(packets.Count - referencePackets.Count, 0, 1);
        for (var i = 0; i < referencePackets.Count; i++)
        {
            Assert.Equal(referencePackets[i].Bytes, compared[i].Bytes);
            Assert.True(compared[i].AtMs <= referencePackets[i].AtMs, $"packet {i} left later than the clock would have sent it");
        }
        var sequences = packets.Select(p => p.Header.SequenceNumber).ToList();
        Assert.Equal(Enumerable.Range(FirstSequence, sequences.Count).Select(s => (ushort)s), sequences);
        Assert.True(_own.Count > 500);
        Assert.True(_ahead.Count > 100);
    }
}
