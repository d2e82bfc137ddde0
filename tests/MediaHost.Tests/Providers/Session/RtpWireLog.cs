using System.Diagnostics;
using VoiceFunctions.MediaHost.Codecs;

namespace VoiceFunctions.MediaHost.Tests.Providers.Session;

/// <summary>
/// The wire as a capture would show it, without a capture tool: fed by the UDP relay in front of a call's RTP port
/// (an unimpaired <see cref="TestSupport.UdpImpairmentProxy"/>), it notes when each PCMU packet crossed and how loud
/// it was.
/// </summary>
internal sealed class RtpWireLog
{
    private readonly List<WirePacket> _packets = [];

    /// <summary>Every PCMU packet relayed so far, in the order it crossed.</summary>
    public IReadOnlyList<WirePacket> Packets
    {
        get
        {
            lock (_packets)
            {
                return [.. _packets];
            }
        }
    }

    /// <summary>Notes a PCMU packet (payload type 0, no CSRCs or extension, as both ends send); ignores anything else.</summary>
    public void Observe(bool toHost, byte[] packet)
    {
        var at = Stopwatch.GetTimestamp();
        if (packet.Length <= 12 || (packet[1] & 0x7F) != 0 || (packet[0] & 0x1F) != 0 || packet.Length - 12 > 1024)
        {
            return;
        }
        Span<short> pcm = stackalloc short[1024];
        var samples = MuLaw.Decode(packet.AsSpan(12), pcm);
        double sum = 0;
        foreach (var sample in pcm[..samples])
        {
            sum += (double)sample * sample;
        }
        var dbfs = 10 * Math.Log10(Math.Max(sum / samples, 1e-9) / (32768.0 * 32768.0));
        lock (_packets)
        {
            _packets.Add(new WirePacket(at, toHost, dbfs));
        }
    }
}
