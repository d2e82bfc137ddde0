using System.Security.Cryptography;
using System.Text;

namespace VoiceFunctions.Cli.Doctor.Carrier;

/// <summary>
/// The OPTIONS request the carrier probe sends (RFC 3261 §11: "are you there, and what do you support"), and the
/// reading of its answer. Pure text, no I/O: the transports below send the bytes and hand back what came.
/// </summary>
public sealed class SipOptionsMessage
{
    private SipOptionsMessage(string callId, string text)
    {
        CallId = callId;
        Text = text;
    }

    public string CallId { get; }

    public string Text { get; }

    public byte[] Bytes => Encoding.ASCII.GetBytes(Text);

    /// <param name="transport">"UDP", "TCP" or "TLS", as the Via header names it.</param>
    public static SipOptionsMessage Create(string host, int port, string transport, string localAddress, int localPort)
    {
        var random = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var scheme = transport == "TLS" ? "sips" : "sip";
        var target = $"{scheme}:{host}:{port}";
        var callId = $"{random}@voicectl";
        var text =
            $"OPTIONS {target} SIP/2.0\r\n" +
            $"Via: SIP/2.0/{transport} {localAddress}:{localPort};branch=z9hG4bK{random};rport\r\n" +
            "Max-Forwards: 70\r\n" +
            $"From: <{scheme}:voicectl@{localAddress}>;tag={random[..8]}\r\n" +
            $"To: <{target}>\r\n" +
            $"Call-ID: {callId}\r\n" +
            "CSeq: 1 OPTIONS\r\n" +
            $"Contact: <{scheme}:voicectl@{localAddress}:{localPort}>\r\n" +
            "Accept: application/sdp\r\n" +
            "User-Agent: voicectl doctor\r\n" +
            "Content-Length: 0\r\n\r\n";
        return new SipOptionsMessage(callId, text);
    }

    /// <summary>Reads a response's status code and reason; false when <paramref name="message"/> is not a SIP response to this request.</summary>
    public bool TryReadResponse(string message, out int status, out string reason)
    {
        status = 0;
        reason = "";
        var end = message.IndexOf("\r\n", StringComparison.Ordinal);
        var first = end < 0 ? message : message[..end];
        var parts = first.Split(' ', 3);
        if (parts.Length < 2 || !parts[0].StartsWith("SIP/2.0", StringComparison.Ordinal) || !int.TryParse(parts[1], out status) || status is < 100 or > 699)
        {
            return false;
        }
        reason = parts.Length == 3 ? parts[2].Trim() : "";
        // A response to another request (a stray retransmission) is not ours.
        return message.Contains(CallId, StringComparison.Ordinal);
    }
}
