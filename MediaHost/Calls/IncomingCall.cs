using VoiceFunctions.MediaHost.Sip.UserAgent;

namespace VoiceFunctions.MediaHost.Calls;

/// <summary>A received call while it rings: the handler answers it (and gets the composed <see cref="Calls.Call"/>) or rejects it.</summary>
internal sealed class IncomingCall(ISipInboundLeg leg, Call call) : IIncomingCall
{
    public InboundCall Call => call.Description;

    public Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
    {
        leg.Answer();
        return Task.FromResult<ICallSession>(call);
    }

    public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => leg.RejectAsync(sipStatus, reason, cancellationToken);
}
