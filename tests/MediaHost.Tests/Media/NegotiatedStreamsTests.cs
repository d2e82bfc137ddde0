using System.Net;
using VoiceFunctions.MediaHost.Media;
using VoiceFunctions.MediaHost.MediaModel;

namespace VoiceFunctions.MediaHost.Tests.Media;

/// <summary>A renegotiation keeps what it can: the codec halves when only the address or direction changed, our SSRC and sequence always.</summary>
public sealed class NegotiatedStreamsTests
{
    private static readonly IPEndPoint Peer = new(IPAddress.Loopback, 30000);

    private static NegotiatedStreams Streams() => new(new RtpOptions(), 0x1234_5678, 100, 5_000, null, _ => { });

    private static NegotiatedMedia Media(MediaCodec codec, IPEndPoint? remote = null, MediaDirection direction = MediaDirection.SendReceive) =>
        new(remote ?? Peer, codec, codec.PayloadType, 101, 20, direction);

    [Fact]
    public void A_hold_keeps_both_halves_and_is_not_a_new_address()
    {
        var streams = Streams();
        Assert.True(streams.Apply(Media(MediaCodec.Pcmu)));
        var (inbound, outbound) = (streams.In, streams.Out);

        Assert.False(streams.Apply(Media(MediaCodec.Pcmu, direction: MediaDirection.SendOnly)));

        Assert.Same(inbound, streams.In);
        Assert.Same(outbound, streams.Out);
        Assert.Equal(MediaDirection.SendOnly, streams.Media!.Direction);
    }

    [Fact]
    public void A_moved_address_keeps_the_halves_and_is_reported()
    {
        var streams = Streams();
        streams.Apply(Media(MediaCodec.Pcmu));
        var outbound = streams.Out;

        Assert.True(streams.Apply(Media(MediaCodec.Pcmu, new IPEndPoint(IPAddress.Loopback, 30100))));
        Assert.Same(outbound, streams.Out);
    }

    [Fact]
    public void A_codec_change_builds_new_halves_that_keep_our_SSRC_sequence_and_sent_counts()
    {
        var streams = Streams();
        streams.Apply(Media(MediaCodec.Pcmu));
        var before = streams.Out!;
        var packet = new byte[1500];
        var silence = new short[AudioFormat.SamplesPerFrame];
        var length = before.OnFrame(silence, packet, talkSpurtStart: false);
        Assert.True(length > 0);

        streams.Apply(Media(MediaCodec.G722));

        Assert.NotSame(before, streams.Out);
        Assert.Equal(0x1234_5678u, streams.Out!.Ssrc);
        Assert.Equal(before.NextSequence, streams.Out.NextSequence);
        Assert.Equal(before.PacketsSent, streams.Out.PacketsSent);
    }
}
