using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>
/// LiveKit mode: reads the <see cref="OutboundCallContext"/> the control plane put on the agent's INVITE of a call we
/// placed, only when its signature (AgentEvents key, over the call id and the value) is valid: anything a caller wrote on
/// its own INVITE is ignored, so no caller can pose as a call we placed, ask for detection or write into the prompt.
/// </summary>
public static class SignedOutboundContext
{
    /// <summary>The context, or null (absent, unsigned, badly signed, stale, unreadable, or no key configured).</summary>
    public static OutboundCallContext? Read(IReadOnlyDictionary<string, string> headers, ControlPlaneOptions? keys, DateTimeOffset now) =>
        SignedCallHeader.Read(headers, OutboundCallContext.HeaderName, OutboundCallContext.SignatureHeaderName, OutboundCallContext.SignedBytes, keys, now)
            is { } encoded ? OutboundCallContext.Decode(encoded) : null;
}
