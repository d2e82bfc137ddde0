using System.Globalization;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.System.Tests;

// G.722 for bench/conversation-load.sh, with the MediaHost's own codec (stated in bench/results/conversation-load.md):
//   encode <pcm.raw> <out.pcap>  16 kHz mono s16le speech -> a pcap of G.722 RTP packets 20 ms apart for sipp's
//                                play_pcap_audio; prints the index of the packet carrying the last voiced 20 ms.
//   levels                       stdin: tshark lines "time<TAB>srcport<TAB>dstport<TAB>udp payload hex"; stdout, for each
//                                G.722 RTP packet (payload type 9): "time<TAB>srcport<TAB>dstport<TAB>seq<TAB>level dBFS",
//                                decoded in order per stream (a G.722 decoder carries state from packet to packet).
const double VoicedDbfs = -40.0;
const int SamplesPerPacket = 320;

switch (args.FirstOrDefault())
{
    case "encode" when args.Length == 3:
    {
        var bytes = File.ReadAllBytes(args[1]);
        var pcm = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, pcm, 0, pcm.Length * 2);
        File.WriteAllBytes(args[2], G722Leg.ToPcap(pcm));
        var lastVoiced = -1;
        for (var i = 0; i * SamplesPerPacket < pcm.Length; i++)
        {
            var block = pcm.AsSpan(i * SamplesPerPacket, Math.Min(SamplesPerPacket, pcm.Length - i * SamplesPerPacket));
            if (LevelDbfs(block) > VoicedDbfs)
            {
                lastVoiced = i;
            }
        }
        Console.WriteLine(lastVoiced);
        return 0;
    }
    case "levels":
    {
        var decoders = new Dictionary<(int, int), G722Decoder>();
        var pcm = new short[SamplesPerPacket * 2];
        string? line;
        while ((line = Console.In.ReadLine()) is not null)
        {
            var parts = line.Split('\t');
            if (parts.Length < 4 || parts[3].Length == 0)
            {
                continue;
            }
            var data = Convert.FromHexString(parts[3].Replace(":", "", StringComparison.Ordinal));
            if (data.Length <= 12 || data[0] >> 6 != 2 || (data[1] & 0x7F) != G722Leg.PayloadType)
            {
                continue;
            }
            var stream = (int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            if (!decoders.TryGetValue(stream, out var decoder))
            {
                decoders[stream] = decoder = new G722Decoder();
            }
            var header = 12 + 4 * (data[0] & 0x0F);
            var samples = decoder.Decode(data.AsSpan(header), pcm);
            var seq = (data[2] << 8) | data[3];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{parts[0]}\t{parts[1]}\t{parts[2]}\t{seq}\t{LevelDbfs(pcm.AsSpan(0, samples)):F1}"));
        }
        return 0;
    }
    default:
        Console.Error.WriteLine("usage: G722Rtp encode <pcm16k.raw> <out.pcap> | G722Rtp levels < tshark-fields");
        return 2;
}

static double LevelDbfs(ReadOnlySpan<short> block)
{
    if (block.IsEmpty)
    {
        return -120.0;
    }
    double sum = 0;
    foreach (var s in block)
    {
        sum += (double)s * s;
    }
    var meanSquare = sum / block.Length;
    return meanSquare > 0 ? 10 * Math.Log10(meanSquare / (32768.0 * 32768.0)) : -120.0;
}
