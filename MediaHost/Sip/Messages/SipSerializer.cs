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
            WriteStartText(writer, message);
            WriteBytes(writer, " SIP/2.0\r\n"u8);
        }
        else
        {
            WriteBytes(writer, "SIP/2.0 "u8);
            WriteInt(writer, message.StatusCode);
            WriteText(writer, " ");
            WriteStartText(writer, message);
            WriteBytes(writer, "\r\n"u8);
        }
        foreach (ref readonly var header in message.Headers.Entries)
        {
            if (header.HasName(SipHeaderNames.ContentLength))
            {
                continue;
            }
            // Names off the wire are tokens (ASCII), so their bytes are their wire form.
            if (header.Name is null)
            {
                WriteBytes(writer, header.RawName);
            }
            else
            {
                WriteText(writer, header.Name);
            }
            WriteBytes(writer, ": "u8);
            if (header.Value is null && header.Plain)
            {
                // A value parsed as plain ASCII is its own wire form: copy it instead of decoding and re-encoding.
                WriteBytes(writer, header.RawValue);
            }
            else
            {
                WriteText(writer, header.Value ?? header.DecodeValue());
            }
            WriteBytes(writer, "\r\n"u8);
        }
        WriteBytes(writer, "Content-Length: "u8);
        WriteInt(writer, message.Body.Length);
        WriteBytes(writer, "\r\n\r\n"u8);
        WriteBytes(writer, message.Body.Span);
    }

    private static void WriteStartText(IBufferWriter<byte> writer, SipMessage message)
    {
        if (message.TryGetPlainStartText(out var raw))
        {
            WriteBytes(writer, raw);
        }
        else
        {
            WriteText(writer, (message.IsRequest ? message.RequestUri : message.ReasonPhrase) ?? "");
        }
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
