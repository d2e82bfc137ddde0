using System.Text;

namespace VoiceFunctions.Shared.Calls;

/// <summary>
/// LiveKit mode: the number the caller dialled, sent on the agent's INVITE (LiveKit SIP dials the MediaHost's own SIP
/// user, so To is not it) and signed by the control plane, so the MediaHost chooses that number's agent. The signature is
/// <see cref="Outbound.BodySignature"/> with the AgentEvents key over <see cref="SignedBytes"/> (the call id and the
/// number): a header a caller wrote on its own INVITE has no valid signature and is ignored.
/// </summary>
public static class CalledNumberHeader
{
    public const string Name = "X-VoiceFunctions-Called";
    public const string SignatureName = "X-VoiceFunctions-Called-Signature";

    /// <summary>What the signature covers: the call id (<see cref="AgentCallHeaders.CallId"/>) and the called number.</summary>
    public static byte[] SignedBytes(string callId, string calledNumber) => Encoding.UTF8.GetBytes(callId + "\n" + calledNumber);
}
