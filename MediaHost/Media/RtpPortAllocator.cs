using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.Media.Net;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>
/// Hands out RTP/RTCP port pairs (even port, odd port above) from the configured range, binding both sockets.
/// Allocation starts after the last port given out, so a port just released is not reused at once (a late packet
/// of the old call must not land in a new one). Ports taken by other programs are skipped.
/// </summary>
public sealed class RtpPortAllocator
{
    private readonly IDatagramSocketFactory _sockets;
    private readonly IPAddress _address;
    private readonly int _firstPair;
    private readonly int _pairCount;
    private readonly object _lock = new();
    private readonly HashSet<int> _inUse = [];
    private int _cursor;

    public RtpPortAllocator(IDatagramSocketFactory sockets, IPAddress address, int portMin, int portMax)
    {
        _sockets = sockets;
        _address = address;
        _firstPair = (portMin + 1) & ~1;
        _pairCount = (portMax - _firstPair + 1) / 2;
        if (_pairCount <= 0)
        {
            throw new ArgumentException($"The RTP port range {portMin}-{portMax} holds no even/odd pair.");
        }
    }

    public int InUse
    {
        get { lock (_lock) { return _inUse.Count; } }
    }

    /// <summary>Binds a free pair; null when every pair in the range is taken.</summary>
    public (IDatagramSocket Rtp, IDatagramSocket Rtcp)? TryAllocate()
    {
        lock (_lock)
        {
            for (var attempt = 0; attempt < _pairCount; attempt++)
            {
                var port = _firstPair + 2 * ((_cursor + attempt) % _pairCount);
                if (_inUse.Contains(port))
                {
                    continue;
                }
                IDatagramSocket? rtp = null;
                try
                {
                    rtp = _sockets.Bind(new IPEndPoint(_address, port));
                    var rtcp = _sockets.Bind(new IPEndPoint(_address, port + 1));
                    _inUse.Add(port);
                    _cursor = (_cursor + attempt + 1) % _pairCount;
                    return (rtp, rtcp);
                }
                catch (SocketException)
                {
                    rtp?.Dispose();
                }
            }
            return null;
        }
    }

    public void Release(int rtpPort)
    {
        lock (_lock)
        {
            _inUse.Remove(rtpPort);
        }
    }
}
