using System.Buffers.Binary;
using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The demo caller's wideband leg: G.722 (16 kHz audio in 64 kbit/s, RTP payload 9). sipp cannot encode G.722, so the
/// caller's audio is encoded here with the MediaHost's encoder into a pcap of RTP packets that sipp replays
/// (play_pcap_audio); what the MediaHost sends back is decoded with its decoder. The offline STT recognises 16 kHz
/// speech far better than 8 kHz µ-law.
/// </summary>
internal static class G722Leg
{
    public const int PayloadType = 9;
    private const int SamplesPerPacket = 320; // 20 ms at 16 kHz
    private const int BytesPerPacket = 160;   // 64 kbit/s

    /// <summary>A pcap (Ethernet/IPv4/UDP) of RTP G.722 packets, 20 ms apart, carrying <paramref name="pcm"/> (16 kHz mono).</summary>
    public static byte[] ToPcap(ReadOnlySpan<short> pcm)
    {
        var encoder = new G722Encoder();
        var packets = (pcm.Length + SamplesPerPacket - 1) / SamplesPerPacket;
        const int frameLength = 14 + 20 + 8 + 12 + BytesPerPacket;
        var file = new byte[24 + packets * (16 + frameLength)];
        var span = file.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span, 0xA1B2C3D4);
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[6..], 4);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(span[20..], 1); // Ethernet
        var block = new short[SamplesPerPacket];
        for (var i = 0; i < packets; i++)
        {
            var record = span.Slice(24 + i * (16 + frameLength), 16 + frameLength);
            var micros = i * 20_000L;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(micros / 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[4..], (uint)(micros % 1_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record[8..], frameLength);
            BinaryPrimitives.WriteUInt32LittleEndian(record[12..], frameLength);
            var frame = record[16..];
            BinaryPrimitives.WriteUInt16BigEndian(frame[12..], 0x0800);
            var ip = frame[14..];
            ip[0] = 0x45;
            BinaryPrimitives.WriteUInt16BigEndian(ip[2..], 20 + 8 + 12 + BytesPerPacket);
            ip[8] = 64;
            ip[9] = 17;
            ip[12] = 127; ip[15] = 1; ip[16] = 127; ip[19] = 1;
            var udp = ip[20..];
            BinaryPrimitives.WriteUInt16BigEndian(udp, 40000);
            BinaryPrimitives.WriteUInt16BigEndian(udp[2..], 40002);
            BinaryPrimitives.WriteUInt16BigEndian(udp[4..], 8 + 12 + BytesPerPacket);
            var rtp = udp[8..];
            rtp[0] = 0x80;
            rtp[1] = PayloadType;
            BinaryPrimitives.WriteUInt16BigEndian(rtp[2..], (ushort)i);
            BinaryPrimitives.WriteUInt32BigEndian(rtp[4..], (uint)(i * 160)); // G.722's RTP clock is 8 kHz (RFC 3551)
            BinaryPrimitives.WriteUInt32BigEndian(rtp[8..], 0x5EED0722);
            block.AsSpan().Clear();
            var source = pcm.Slice(i * SamplesPerPacket, Math.Min(SamplesPerPacket, pcm.Length - i * SamplesPerPacket));
            source.CopyTo(block);
            encoder.Encode(block, rtp[12..]);
        }
        return file;
    }

    /// <summary>The 16 kHz audio in the G.722 RTP packets (payload type 9) among <paramref name="rtpPackets"/>, in arrival order.</summary>
    public static short[] Decode(IEnumerable<byte[]> rtpPackets)
    {
        var decoder = new G722Decoder();
        var pcm = new List<short>();
        var block = new short[SamplesPerPacket * 2];
        foreach (var packet in rtpPackets.Where(p => p.Length > 12 && (p[1] & 0x7F) == PayloadType))
        {
            var samples = decoder.Decode(packet.AsSpan(12), block);
            pcm.AddRange(block.AsSpan(0, samples).ToArray());
        }
        return pcm.ToArray();
    }

    /// <summary>Rewrites the demo caller's sipp scenario to offer G.722 only and replay <paramref name="pcapFile"/> as its audio.</summary>
    public static string Apply(string scenario, string pcapFile)
    {
        var replaced = scenario
            .Replace("m=audio [rtpstream_audio_port] RTP/AVP 0 101", $"m=audio [media_port] RTP/AVP {PayloadType} 101", StringComparison.Ordinal)
            .Replace("a=rtpmap:0 PCMU/8000", $"a=rtpmap:{PayloadType} G722/8000", StringComparison.Ordinal)
            .Replace("<exec rtp_stream=\"caller.audio,1,0\"/>", $"<exec play_pcap_audio=\"{pcapFile}\"/>", StringComparison.Ordinal);
        if (replaced.Contains("rtpstream", StringComparison.Ordinal) || !replaced.Contains("G722", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the demo caller scenario changed: its PCMU offer or rtp_stream action was not found");
        }
        return replaced;
    }
}
