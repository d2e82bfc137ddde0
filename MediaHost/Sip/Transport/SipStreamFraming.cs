using System.Buffers;
using VoiceFunctions.MediaHost.Sip.Messages;

namespace VoiceFunctions.MediaHost.Sip.Transport;

/// <summary>
/// The framing step of a stream connection's read loop (TCP, and TLS once decrypted): every whole message at the front
/// of what has arrived is handed on, in order; bad framing ends the stream. Pure: the connection owns the pipe and the
/// socket (and the fuzz harness drives this same step with record-sized reads).
/// </summary>
public static class SipStreamFraming
{
    /// <summary>
    /// Reads the messages at the front of <paramref name="buffer"/> (which is advanced past them) and hands each, or the
    /// one invalid read, to <paramref name="receive"/>. False when the stream must be closed: framing cannot be resynchronised.
    /// </summary>
    public static bool ReadMessages(ref ReadOnlySequence<byte> buffer, SipLimits limits, Action<SipReadResult> receive)
    {
        while (true)
        {
            var result = SipStreamReader.TryRead(buffer, out var consumed, limits);
            buffer = buffer.Slice(consumed);
            if (result.Status == SipReadStatus.NeedMoreData)
            {
                return true;
            }
            receive(result);
            if (result.Status == SipReadStatus.Invalid)
            {
                return false;
            }
        }
    }
}
