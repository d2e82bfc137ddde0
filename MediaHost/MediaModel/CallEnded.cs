using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.MediaModel;

/// <summary>
/// How a call ended: our reason, the SIP status involved if any, and a human-readable detail. Media reports it when it
/// fails on its own, the signalling leg when the dialog ends, and the call surface hands it to the agent.
/// </summary>
public sealed record CallEnded(CallEndReason Reason, int? SipStatus, string Detail);
