using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.MediaHost.Rtp.Srtp;

namespace VoiceFunctions.Fuzz;

/// <summary>
/// One fuzz input against the SRTP/SRTCP unprotect path the media session runs on every received datagram
/// (<see cref="SrtpSession"/>, fixed test keys). The first byte picks the suite and RTP or RTCP; the rest is used twice:
/// as a datagram off the wire (almost never authentic: it exercises the length, header, index and replay checks), and
/// as a packet our peer protected with the keys, then changed at an input-chosen byte (or not), so the post-tag path
/// runs too. Promises: nothing throws; a refusal is counted once; a changed packet is refused; only an authentic packet is returned, within the
/// datagram's bounds, and an unchanged one comes back exactly as it was sent; it is refused as a replay the second time.
/// </summary>
public static class SrtpTarget
{
    private static readonly byte[] KeyA = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] SaltA = Enumerable.Range(101, 14).Select(i => (byte)i).ToArray();
    private static readonly byte[] KeyB = Enumerable.Range(31, 16).Select(i => (byte)i).ToArray();
    private static readonly byte[] SaltB = Enumerable.Range(151, 14).Select(i => (byte)i).ToArray();

    public static void Run(ReadOnlySpan<byte> input)
    {
        if (input.Length < 2)
        {
            return;
        }
        var suite = (input[0] & 1) == 0 ? SrtpSuite.AesCm128HmacSha1_80 : SrtpSuite.AesCm128HmacSha1_32;
        var rtcp = (input[0] & 2) != 0;
        var body = input[1..];
        // We receive with B; the peer sends with B (its send key is our receive key).
        using var session = new SrtpSession(new MediaEncryptionKeys(suite.Name, KeyA, SaltA, KeyB, SaltB));
        FromTheWire(session, body, rtcp);
        AuthenticButChanged(session, suite, body, rtcp, input[0]);
    }

    private static void FromTheWire(SrtpSession session, ReadOnlySpan<byte> datagram, bool rtcp)
    {
        var refusedBefore = session.Refused;
        var ok = rtcp ? session.TryUnprotectRtcp(datagram, out var packet) : session.TryUnprotectRtp(datagram, out packet);
        Check(session, ok, packet, datagram.Length, refusedBefore);
    }

    private static void AuthenticButChanged(SrtpSession session, SrtpSuite suite, ReadOnlySpan<byte> plain, bool rtcp, byte control)
    {
        if (plain.Length > 1400)
        {
            return;
        }
        using var peer = new SrtpSender(suite, KeyB, SaltB);
        var buffer = new byte[1500];
        plain.CopyTo(buffer);
        var length = rtcp ? peer.ProtectRtcp(buffer, plain.Length) : peer.ProtectRtp(buffer, plain.Length);
        if (length <= 0)
        {
            return; // not RTP (or too short for RTCP): nothing of ours would send it
        }
        var change = control >> 2; // 0: unchanged; else flip a byte chosen from the packet
        if (change != 0)
        {
            buffer[(change * 7 + plain[0]) % length] ^= (byte)(1 << (change & 7));
        }
        var datagram = buffer.AsSpan(0, length).ToArray();
        var refusedBefore = session.Refused;
        var ok = rtcp ? session.TryUnprotectRtcp(datagram, out var packet) : session.TryUnprotectRtp(datagram, out packet);
        Check(session, ok, packet, length, refusedBefore);
        if (change != 0 && ok)
        {
            throw new InvariantViolation($"a {(rtcp ? "SRTCP" : "SRTP")} packet changed after protection was accepted");
        }
        if (change == 0)
        {
            if (!ok)
            {
                throw new InvariantViolation($"an authentic {(rtcp ? "SRTCP" : "SRTP")} packet of {length} bytes was refused");
            }
            if (!packet.SequenceEqual(plain))
            {
                throw new InvariantViolation("an authentic packet did not unprotect to what was sent");
            }
            refusedBefore = session.Refused;
            var again = rtcp ? session.TryUnprotectRtcp(datagram, out _) : session.TryUnprotectRtp(datagram, out _);
            if (again || session.Refused != refusedBefore + 1)
            {
                throw new InvariantViolation("a replayed packet was not refused and counted");
            }
        }
    }

    private static void Check(SrtpSession session, bool ok, ReadOnlySpan<byte> packet, int datagramLength, long refusedBefore)
    {
        if (ok && (packet.Length == 0 || packet.Length > datagramLength))
        {
            throw new InvariantViolation($"unprotect returned {packet.Length} bytes from a {datagramLength}-byte datagram");
        }
        var counted = session.Refused - refusedBefore;
        if (ok ? counted != 0 : counted != 1 && datagramLength <= 1500)
        {
            throw new InvariantViolation($"a {(ok ? "verified" : "refused")} packet changed the refusal count by {counted}");
        }
    }
}
