using System.Net;
using System.Net.Sockets;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Where one call's RTP and RTCP go: the address the SDP gave, until the peer's first valid packet shows where it
/// really sends from (symmetric RTP: a NAT-mapped address), which is then used instead. The addresses are kept as
/// <see cref="SocketAddress"/> buffers so a send allocates nothing. Not thread-safe: the session calls it under its lock.
/// </summary>
internal sealed class RtpPeerAddress(AddressFamily family)
{
    private bool _latched;

    /// <summary>Where we send RTP now, or null while the SDP gave no address (0.0.0.0, port 0).</summary>
    public IPEndPoint? Endpoint { get; private set; }

    /// <summary>The RTP address as a socket address (valid when <see cref="Endpoint"/> is set).</summary>
    public SocketAddress Rtp { get; } = new(family);

    /// <summary>The RTCP address: the RTP port + 1 (RFC 3550 section 11).</summary>
    public SocketAddress Rtcp { get; } = new(family);

    /// <summary>Times the far end's address was learned from its packets.</summary>
    public int Learned { get; private set; }

    /// <summary>A new address from the SDP: send there, and learn again from the peer's next packet.</summary>
    public void UseSignalled(IPEndPoint endpoint)
    {
        Set(endpoint);
        _latched = false;
    }

    /// <summary>The first valid packet since the SDP's address was set: when it came from elsewhere, send there from now on.</summary>
    public void LatchOnce(SocketAddress sender)
    {
        if (_latched)
        {
            return;
        }
        _latched = true;
        if (!sender.Equals(Rtp))
        {
            Set((IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(sender));
            Learned++;
        }
    }

    private void Set(IPEndPoint endpoint)
    {
        var hasAddress = !endpoint.Address.Equals(IPAddress.Any) && !endpoint.Address.Equals(IPAddress.IPv6Any) && endpoint.Port != 0;
        Endpoint = hasAddress ? endpoint : null;
        if (hasAddress)
        {
            Copy(endpoint.Serialize(), Rtp);
            Copy(new IPEndPoint(endpoint.Address, endpoint.Port + 1).Serialize(), Rtcp);
        }
    }

    private static void Copy(SocketAddress source, SocketAddress destination)
    {
        source.Buffer.CopyTo(destination.Buffer);
        destination.Size = source.Size;
    }
}
