using System.Net;
using System.Net.Sockets;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp;
using VoiceFunctions.MediaHost.Rtp.Srtp;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Media;

/// <summary>The per-packet receive path, the per-tick work and RTCP of <see cref="RtpMediaSession"/>.</summary>
public sealed partial class RtpMediaSession
{
    private const int MaxDatagram = 1500;

    private readonly SocketAddress _rtpRemote;
    private readonly SocketAddress _rtcpRemote;
    private readonly short[] _inFrame = new short[AudioFormat.SamplesPerFrame];
    private readonly byte[] _sendBuffer = new byte[MaxDatagram];
    private readonly byte[] _rtcpBuffer = new byte[MaxDatagram];
    private readonly RtcpReportBlock[] _reportBlock = new RtcpReportBlock[1];
    private bool _latched;
    private bool _hasReceived;
    private bool _failed;
    private long _startedAtMs;
    private long _lastPacketMs;
    private long _lastRtcpMs;

    private SrtpSession? _srtp;

    /// <summary>SRTP packets refused (tampered, another key, replayed, malformed) since the keys were last set.</summary>
    public long SrtpRefused
    {
        get
        {
            lock (_lock)
            {
                return _srtp?.Refused ?? 0;
            }
        }
    }

    /// <summary>The peer's SRTCP reports that verified and were read, and those refused (tampered, replayed, malformed), since the keys were last set.</summary>
    public (long Accepted, long Refused) Srtcp
    {
        get
        {
            lock (_lock)
            {
                return _srtp is null ? (0, 0) : (_srtp.RtcpAccepted, _srtp.RtcpRefused);
            }
        }
    }

    /// <summary>RTCP compound packets we sent (SRTCP when the call is encrypted).</summary>
    public long RtcpReportsSent { get; private set; }

    /// <summary>Times the far end's address was learned from its packets (symmetric RTP).</summary>
    public int AddressesLearned { get; private set; }

    public void OnTick(long nowMs)
    {
        lock (_lock)
        {
            if (_in is null || _out is null || _media is null || _stopped == 1)
            {
                return;
            }
            _in.ProduceFrame(nowMs, _inFrame, NowMs());
            _inbound.WriteDroppingOldest(_inFrame);
            _tap?.CallerFrame(_inFrame);

            // The slot ending now gets its packet if the audio loop gave none (silence, comfort noise or DTMF)...
            var maySend = MaySend;
            SendPacket(_pacer.CloseSlot(_out, maySend, _sendBuffer));
            CompleteDtmfWhenSent();
            if (nowMs - _lastRtcpMs >= _options.RtcpIntervalSeconds * 1000L)
            {
                SendRtcp(nowMs, goodbye: false); // before the next slot's packet: the report pairs this tick with the slot it ended
            }
            // ...then the next slot opens, and takes at once a frame the audio loop queued ahead.
            SendPacket(_pacer.OpenSlot(nowMs, _out, maySend, _sendBuffer));
            CompleteDtmfWhenSent();
            CheckTimeout(nowMs);
        }
    }

    private void CheckTimeout(long nowMs)
    {
        // On hold (we only send, or nothing flows) the peer owes us no RTP.
        if (_failed || _media!.Direction is MediaDirection.SendOnly or MediaDirection.Inactive)
        {
            _lastPacketMs = Math.Max(_lastPacketMs, nowMs);
            return;
        }
        var limitMs = (_hasReceived ? _options.MediaTimeoutSeconds : _options.FirstPacketTimeoutSeconds) * 1000L;
        var since = _hasReceived ? _lastPacketMs : Math.Max(_startedAtMs, _lastPacketMs);
        if (nowMs - since >= limitMs)
        {
            _failed = true;
            Fail(CallEndReason.MediaTimeout, _hasReceived
                ? $"No RTP for {_options.MediaTimeoutSeconds} s."
                : $"No RTP within {_options.FirstPacketTimeoutSeconds} s of the answer.");
        }
    }

    /// <summary>The per-packet receive path (also called directly by tests and benchmarks).</summary>
    internal void OnRtpDatagram(ReadOnlySpan<byte> datagram, SocketAddress sender)
    {
        lock (_lock)
        {
            if (_in is null || _stopped == 1)
            {
                return;
            }
            if (_srtp is not null && !_srtp.TryUnprotectRtp(datagram, out datagram))
            {
                return; // tampered, another key or a replay: counted by the SRTP receiver, never played
            }
            var now = NowMs();
            if (!_in.OnDatagram(datagram, now))
            {
                return;
            }
            _metrics.PacketReceived();
            _hasReceived = true;
            _lastPacketMs = now;
            if (!_latched)
            {
                _latched = true;
                if (!sender.Equals(_rtpRemote))
                {
                    // Symmetric RTP: the peer's packets come from its real (NAT-mapped) address; send there.
                    var learned = (IPEndPoint)new IPEndPoint(IPAddress.Any, 0).Create(sender);
                    SetRemote(learned);
                    AddressesLearned++;
                }
            }
        }
    }

    internal void OnRtcpDatagram(ReadOnlySpan<byte> compound)
    {
        lock (_lock)
        {
            if (_stopped == 1 || (_srtp is not null && !_srtp.TryUnprotectRtcp(compound, out compound)))
            {
                return;
            }
            Span<RtcpReportBlock> blocks = stackalloc RtcpReportBlock[4];
            while (RtcpPacket.TryReadNext(compound, out var packet, out var consumed))
            {
                if (packet.TryReadSenderReport(out _, out var info, blocks, out var count))
                {
                    _in?.Reception.OnSenderReport(info.CompactNtp, _time.GetTimestamp());
                    NoteReportBlocks(blocks[..count]);
                }
                else if (packet.TryReadReceiverReport(out _, blocks, out count))
                {
                    NoteReportBlocks(blocks[..count]);
                }
                compound = compound[consumed..];
            }
            _lastPacketMs = Math.Max(_lastPacketMs, _hasReceived ? NowMs() : _lastPacketMs);
        }
    }

    private void SendRtcp(long nowMs, bool goodbye)
    {
        _lastRtcpMs = nowMs;
        if (RemoteEndpoint is null || _in is null || _out is null)
        {
            return;
        }
        var span = _rtcpBuffer.AsSpan();
        var blockCount = 0;
        if (_hasReceived)
        {
            _reportBlock[0] = _in.Reception.CreateReportBlock(_time.GetTimestamp(), _time.TimestampFrequency);
            blockCount = 1;
        }
        int length;
        if (_out.PacketsSent > 0)
        {
            var info = new RtcpSenderInfo(NtpNow(), _out.LastTimestamp, _out.PacketsSent, _out.OctetsSent);
            length = RtcpWriter.WriteSenderReport(span, _ssrc, info, _reportBlock.AsSpan(0, blockCount));
        }
        else
        {
            length = RtcpWriter.WriteReceiverReport(span, _ssrc, _reportBlock.AsSpan(0, blockCount));
        }
        length += RtcpWriter.WriteSourceDescription(span[length..], _ssrc, "mediahost");
        if (goodbye)
        {
            length += RtcpWriter.WriteGoodbye(span[length..], _ssrc);
        }
        if (_srtp is not null)
        {
            length = _srtp.ProtectRtcp(span, length);
        }
        if (length > 0)
        {
            _rtcpSocket.SendTo(span[..length], _rtcpRemote);
            RtcpReportsSent++;
        }
    }

    // NTP time (seconds since 1900 in 32.32 fixed point) from the injected clock's wall time.
    private ulong NtpNow()
    {
        var now = _time.GetUtcNow();
        var seconds = (ulong)(now.ToUnixTimeMilliseconds() / 1000 + 2_208_988_800L);
        var fraction = (ulong)(now.ToUnixTimeMilliseconds() % 1000) * 0x1_0000_0000UL / 1000;
        return (seconds << 32) | fraction;
    }
}
