using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Calls;

/// <summary>A DTMF digit (0-9, *, #, A-D) and how long it was held.</summary>
public readonly record struct DtmfDigit(char Digit, TimeSpan Duration);

/// <summary>How a call ended: our reason, the SIP status involved if any, and a human-readable detail.</summary>
public sealed record CallEnded(CallEndReason Reason, int? SipStatus, string Detail);

/// <summary>The outcome of a transfer: accepted by the far end or not, with the final NOTIFY status.</summary>
public sealed record TransferResult(bool Succeeded, int? SipStatus, string Detail);
