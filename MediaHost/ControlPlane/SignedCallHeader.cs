using System.Text;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// A header the control plane put on an agent's INVITE and signed with the AgentEvents key over the call id and the
/// header's value (<see cref="CalledNumberHeader"/>, <see cref="Shared.Outbound.OutboundCallContext"/>). Its value counts
/// only when the signature is valid: a caller can write any header on its own INVITE.
/// </summary>
public static class SignedCallHeader
{
    /// <summary>The header's value, or null (absent, empty, unsigned, badly signed, stale, or no key configured).</summary>
    /// <param name="signedBytes">What the signature covers, from the call id and the value.</param>
    public static string? Read(IReadOnlyDictionary<string, string> headers, string name, string signatureName,
        Func<string, string, byte[]> signedBytes, ControlPlaneOptions? keys, DateTimeOffset now)
    {
        if (keys is not { Secret.Length: > 0 }
            || !headers.TryGetValue(name, out var value) || value.Length == 0
            || !headers.TryGetValue(AgentCallHeaders.CallId, out var callId)
            || !headers.TryGetValue(signatureName, out var signature))
        {
            return null;
        }
        var secret = Encoding.UTF8.GetBytes(keys.Secret);
        var verdict = BodySignature.Verify(signature, signedBytes(callId, value), kid => kid == keys.KeyId ? secret : null, now);
        return verdict == SignatureVerdict.Valid ? value : null;
    }
}
