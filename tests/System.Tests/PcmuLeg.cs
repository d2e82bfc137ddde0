using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.System.Tests;

/// <summary>
/// The demo caller's narrowband leg, as run.sh places it: G.711 µ-law (8 kHz, RTP payload 0). What the MediaHost sends
/// back is decoded with its own µ-law table and resampled to 16 kHz for the offline recogniser.
/// </summary>
internal static class PcmuLeg
{
    public const int PayloadType = 0;

    /// <summary>The audio in the PCMU RTP packets among <paramref name="rtpPackets"/>, in arrival order, as 16 kHz mono.</summary>
    public static short[] Decode(IEnumerable<byte[]> rtpPackets)
    {
        var narrow = new List<short>();
        var block = new short[1500];
        foreach (var packet in rtpPackets.Where(p => p.Length > 12 && (p[1] & 0x7F) == PayloadType))
        {
            var header = 12 + 4 * (packet[0] & 0x0F);
            var samples = MuLaw.Decode(packet.AsSpan(header), block);
            narrow.AddRange(block.AsSpan(0, samples).ToArray());
        }
        var resampler = new Resampler(8000, 16000);
        var wide = new short[resampler.MaxOutputFor(narrow.Count)];
        var written = resampler.Process(narrow.ToArray(), wide);
        return wide.AsSpan(0, written).ToArray();
    }
}
