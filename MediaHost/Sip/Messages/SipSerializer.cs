using System.Buffers;
using System.Text;

namespace VoiceFunctions.MediaHost.Sip.Messages;

/// <summary>Writes a message in wire form. Content-Length is always written from the actual body length.</summary>
public static class SipSerializer
{
    public static byte[] Serialize(SipMessage message)
    {
        var writer = new ArrayBufferWriter<byte>(512 + message.Body.Length);
        Write(message, writer);
        return writer.WrittenSpan.ToArray();
    }

    public static void Write(SipMessage message, IBufferWriter<byte> writer)
    {
        if (message.IsRequest)
        {
            WriteText(writer, message.Method!);
            WriteText(writer, " ");
            WriteText(writer, message.RequestUri!);
            WriteBytes(writer, " SIP/2.0\r\n"u8);
        }
        else
        {
            WriteBytes(writer, "SIP/2.0 "u8);
            WriteInt(writer, message.StatusCode);
            WriteText(writer, " ");
            WriteText(writer, message.ReasonPhrase ?? "");
            WriteBytes(writer, "\r\n"u8);
        }
        foreach (var header in message.Headers)
        {
            if (ReferenceEquals(header.Name, SipHeaderNames.ContentLength)
                || header.Name.Equals(SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            WriteText(writer, header.Name);
            WriteBytes(writer, ": "u8);
            WriteText(writer, header.Value);
            WriteBytes(writer, "\r\n"u8);
        }
        WriteBytes(writer, "Content-Length: "u8);
        WriteInt(writer, message.Body.Length);
        WriteBytes(writer, "\r\n\r\n"u8);
        WriteBytes(writer, message.Body.Span);
    }

    private static void WriteBytes(IBufferWriter<byte> writer, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(writer.GetSpan(bytes.Length));
        writer.Advance(bytes.Length);
    }

    private static void WriteText(IBufferWriter<byte> writer, string text)
    {
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        writer.Advance(Encoding.UTF8.GetBytes(text, span));
    }

    private static void WriteInt(IBufferWriter<byte> writer, int value)
    {
        var span = writer.GetSpan(11);
        value.TryFormat(span, out var written, default, System.Globalization.CultureInfo.InvariantCulture);
        writer.Advance(written);
    }
}
