using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Dtmf;

namespace VoiceFunctions.MediaHost.Tests.Rtp.Dtmf;

public class DtmfTests
{
    private readonly record struct Packet(uint Timestamp, byte[] Payload, bool Marker, long SentAtMs);

    /// <summary>What the sender puts on the wire for a string of digits, 20 ms apart, with 100 ms gaps.</summary>
    private static List<Packet> Send(string digits, int durationMs = 100, int clockRate = 8000)
    {
        var sender = new DtmfSender(clockRate);
        var packets = new List<Packet>();
        long now = 0;
        uint timestamp = 1000;
        foreach (var digit in digits)
        {
            sender.Start(digit, TimeSpan.FromMilliseconds(durationMs), timestamp, clockRate);
            var payload = new byte[4];
            while (sender.TryNext(payload, out var length, out var marker))
            {
                packets.Add(new Packet(sender.EventTimestamp, payload[..length].ToArray(), marker, now));
                now += 20;
                timestamp += (uint)(clockRate / 50);
            }
            now += 100;
            timestamp += (uint)(clockRate / 10);
        }
        return packets;
    }

    private static List<DtmfDigit> Receive(IEnumerable<Packet> packets, int clockRate = 8000)
    {
        var receiver = new DtmfReceiver(clockRate);
        var digits = new List<DtmfDigit>();
        var completed = new DtmfDigit[2];
        long last = 0;
        foreach (var p in packets)
        {
            var n = receiver.OnPacket(p.Timestamp, p.Payload, p.SentAtMs, completed);
            digits.AddRange(completed.AsSpan(0, n).ToArray());
            last = p.SentAtMs;
        }
        if (receiver.Poll(last + DtmfReceiver.EndTimeoutMs, out var tail))
        {
            digits.Add(tail);
        }
        return digits;
    }

    [Fact]
    public void Sender_emits_marker_first_growing_durations_then_three_end_packets()
    {
        var packets = Send("5");
        var events = packets.Select(p => { TelephoneEvent.TryParse(p.Payload, out var e); return e; }).ToList();
        Assert.Equal(5 + 2, packets.Count);
        Assert.True(packets[0].Marker);
        Assert.All(packets.Skip(1), p => Assert.False(p.Marker));
        Assert.All(packets, p => Assert.Equal(packets[0].Timestamp, p.Timestamp));
        Assert.Equal([160, 320, 480, 640, 800, 800, 800], events.Select(e => (int)e.Duration));
        Assert.Equal([false, false, false, false, true, true, true], events.Select(e => e.End));
        Assert.All(events, e => Assert.Equal(5, e.Event));
    }

    [Fact]
    public void Receiver_reports_a_digit_once_with_its_duration_despite_repeated_ends()
    {
        var digits = Receive(Send("7", durationMs: 120));
        var digit = Assert.Single(digits);
        Assert.Equal('7', digit.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(120), digit.Duration);
    }

    [Fact]
    public void Digit_whose_end_packets_were_all_lost_is_reported_by_the_next_digit_or_the_timeout()
    {
        var packets = Send("12").Where(p => !(p.Payload[1] >= 0x80 && p.Payload[0] == 1)).ToList();
        var digits = Receive(packets);
        Assert.Equal("12", new string(digits.Select(d => d.Digit).ToArray()));
        Assert.Equal(TimeSpan.FromMilliseconds(80), digits[0].Duration); // the last duration that arrived

        var lastEndsLost = Send("3").Where(p => p.Payload[1] < 0x80).ToList();
        Assert.Equal('3', Assert.Single(Receive(lastEndsLost)).Digit);
    }

    [Fact]
    public void Straggler_and_reordered_packets_of_an_earlier_digit_do_not_report_it_again()
    {
        var packets = Send("45");
        var firstEnd = packets.First(p => p.Payload[1] >= 0x80);
        var reordered = packets.Concat([firstEnd with { SentAtMs = packets[^1].SentAtMs }]).ToList();
        Assert.Equal("45", new string(Receive(reordered).Select(d => d.Digit).ToArray()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Every_key_is_reported_exactly_once_in_order_at_5_percent_loss(int seed)
    {
        const string keys = "0123456789*#ABCD0123456789*#ABCD";
        var random = new Random(seed);
        var survivors = Send(keys).Where(_ => random.NextDouble() >= 0.05);
        var digits = Receive(survivors);
        Assert.Equal(keys, new string(digits.Select(d => d.Digit).ToArray()));
        Assert.All(digits, d => Assert.InRange(d.Duration.TotalMilliseconds, 80, 100));
    }

    [Fact]
    public void Opus_calls_measure_duration_on_the_48_kHz_event_clock()
    {
        var digit = Assert.Single(Receive(Send("#", durationMs: 200, clockRate: 48000), clockRate: 48000));
        Assert.Equal('#', digit.Digit);
        Assert.Equal(TimeSpan.FromMilliseconds(200), digit.Duration);
    }

    [Theory]
    [InlineData('x')]
    [InlineData('E')]
    public void Sender_rejects_a_key_that_is_not_dtmf(char key)
    {
        Assert.Throws<ArgumentException>(() => new DtmfSender(8000).Start(key, TimeSpan.FromMilliseconds(100), 0, 8000));
    }

    [Fact]
    public void Short_or_non_dtmf_payloads_are_ignored()
    {
        var receiver = new DtmfReceiver(8000);
        var completed = new DtmfDigit[2];
        Assert.Equal(0, receiver.OnPacket(0, [1, 0x80], 0, completed));
        Assert.Equal(0, receiver.OnPacket(0, [16, 0x80, 0, 160], 0, completed)); // event 16: flash, not a key
    }
}
