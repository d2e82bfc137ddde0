using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>
/// A placed call the callee answered, offered to the call handler as if it had arrived: "answering" it returns the live
/// session, so the agent (and the reporting around it) runs exactly as on an inbound call. The call's description
/// carries the control plane's call id and the per-call variables as exposed headers.
/// </summary>
public sealed class AnsweredOutboundCall(ICallSession session, InboundCall description) : IIncomingCall
{
    public InboundCall Call => description;

    public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken) => Task.FromResult(session);

    /// <summary>Already answered: refusing it means hanging up.</summary>
    public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => session.HangUpAsync(CallEndReason.Rejected, cancellationToken);
}
