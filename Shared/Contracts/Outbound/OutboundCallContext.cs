using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace VoiceFunctions.Shared.Outbound;

/// <summary>
/// LiveKit mode: what the agent's leg must know about a call we placed, which its INVITE from LiveKit SIP cannot say
/// by itself (to the MediaHost that leg looks like any inbound call): that it is outbound, the callee, whether to run
/// answering-machine detection and the per-call variables for the prompt. The control plane sends it on the agent's
/// INVITE as header <see cref="HeaderName"/> (base64url of this record's JSON) with <see cref="SignatureHeaderName"/>:
/// <see cref="BodySignature"/> under the AgentEvents key over <see cref="SignedBytes"/>. A caller cannot write it on
/// its own INVITE: without a valid signature the MediaHost ignores it.
/// </summary>
/// <param name="To">The callee, E.164 (the "caller" of the agent's prompt variables).</param>
/// <param name="Amd">Answering-machine detection: "Off", "HangUp" or "LeaveMessage".</param>
/// <param name="Variables">Per-call variables for the agent's prompt.</param>
public sealed record OutboundCallContext(string To, string Amd, IReadOnlyDictionary<string, string> Variables)
{
    public const string HeaderName = "X-VoiceFunctions-Outbound";
    public const string SignatureHeaderName = "X-VoiceFunctions-Outbound-Signature";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The header value: base64url (no padding) of the UTF-8 JSON, so any text in a variable survives a SIP header.</summary>
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this, Json));

    /// <summary>The context in a header value, or null when it is not one (bad base64url or JSON, fields missing).</summary>
    public static OutboundCallContext? Decode(string value)
    {
        try
        {
            var context = JsonSerializer.Deserialize<OutboundCallContext>(Base64Url.DecodeFromChars(value), Json);
            return context is { To: not null, Amd: not null, Variables: not null } ? context : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    /// <summary>What the signature covers: the call id (<see cref="Calls.AgentCallHeaders.CallId"/>) and the header's value.</summary>
    public static byte[] SignedBytes(string callId, string encoded) => Encoding.UTF8.GetBytes(callId + "\n" + encoded);
}
