using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Wraps the MediaHost's call handler to report the call's life to the control plane: "answered" once the
/// call is answered (in direct mode this starts the call's orchestration), "hangup" with who ended it, and an
/// "error" when the handler fails. Turns are reported by the agent through <see cref="CallEventReporter"/>.
/// </summary>
public sealed class ReportingCallHandler(ICallHandler inner, CallEventReporter reporter) : ICallHandler
{
    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var reporting = new ReportingIncomingCall(call, reporter);
        try
        {
            await inner.HandleAsync(reporting, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException && reporting.Session is not null)
        {
            reporter.Error(call.Call.CallId, "the call handler failed: " + e.GetType().Name);
            throw;
        }
        finally
        {
            if (reporting.Session is { } session)
            {
                var ended = session.Ended.IsCompleted ? await session.Ended.ConfigureAwait(false) : null;
                reporter.HungUp(call.Call.CallId, ended?.Reason ?? CallEndReason.AgentHangUp);
            }
        }
    }

    private sealed class ReportingIncomingCall(IIncomingCall inner, CallEventReporter reporter) : IIncomingCall
    {
        public ICallSession? Session { get; private set; }

        public InboundCall Call => inner.Call;

        public async Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
        {
            var session = await inner.AnswerAsync(cancellationToken).ConfigureAwait(false);
            Session = session;
            reporter.Answered(inner.Call.CallId, inner.Call.Caller, inner.Call.Called);
            return session;
        }

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => inner.RejectAsync(sipStatus, reason, cancellationToken);
    }
}
