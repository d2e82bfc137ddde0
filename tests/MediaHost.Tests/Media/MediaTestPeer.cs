using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Codecs;
using VoiceFunctions.MediaHost.Media.Net;
using VoiceFunctions.MediaHost.Rtp;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>A scripted RTP peer on the in-memory network: sends encoded frames, collects what it receives.</summary>
internal sealed class MediaTestPeer : IDisposable
{
    private readonly IDatagramSocket _rtp;
    private readonly IDatagramSocket _rtcp;
    private ushort _sequence = 1000;
    private uint _timestamp = 50_000;

    public MediaTestPeer(InMemoryDatagramNetwork network, IPEndPoint rtpEndpoint)
    {
        _rtp = network.Bind(rtpEndpoint);
        _rtcp = network.Bind(new IPEndPoint(rtpEndpoint.Address, rtpEndpoint.Port + 1));
        Collect(_rtp, Received);
        Collect(_rtcp, RtcpReceived);
    }

    public IPEndPoint Endpoint => _rtp.LocalEndpoint;

    public List<byte[]> Received { get; } = [];

    public List<byte[]> RtcpReceived { get; } = [];

    public int ReceivedCount { get { lock (Received) { return Received.Count; } } }

    public void SendAudio(IAudioCodec codec, ReadOnlySpan<short> pcm, IPEndPoint to, int payloadType, uint ssrc = 0x5EED)
    {
        var packet = new byte[1500];
        var n = codec.Encode(pcm, packet.AsSpan(RtpHeader.FixedLength));
        new RtpHeader(false, (byte)payloadType, _sequence++, _timestamp, ssrc).WriteTo(packet);
        _timestamp += (uint)codec.Info.TimestampUnitsPerFrame(20);
        _rtp.SendTo(packet.AsSpan(0, RtpHeader.FixedLength + n), to.Serialize());
    }

    public void SendRaw(ReadOnlySpan<byte> datagram, IPEndPoint to) => _rtp.SendTo(datagram, to.Serialize());

    private static void Collect(IDatagramSocket socket, List<byte[]> into) =>
        socket.StartReceiving((datagram, _) =>
        {
            lock (into)
            {
                into.Add(datagram.ToArray());
            }
        });

    public static async Task Eventually(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Timed out waiting for: " + what);
            }
            await Task.Delay(5);
        }
    }

    public void Dispose()
    {
        _rtp.Dispose();
        _rtcp.Dispose();
    }
}
