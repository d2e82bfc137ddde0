using VoiceFunctions.MediaHost.Agent.Profiles;
using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.MediaModel;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.ControlPlane;

/// <summary>
/// Wraps the MediaHost's call handler to report the call's life to the control plane: "answered" once the
/// call is answered (in direct mode this starts the call's orchestration), "hangup" with who ended it, and an
/// "error" when the handler fails. Turns are reported by the agent through <see cref="CallEventReporter"/>.
/// With <paramref name="callIdFromSipHeader"/> (LiveKit mode), an INVITE carrying a valid
/// <see cref="AgentCallHeaders.CallId"/> is reported under that call id (the room's call, which the
/// control plane already runs) instead of the direct-mode id made from the SIP Call-ID. From its answer until the
/// handler returns, the call is in <paramref name="liveCalls"/> (when given) under that id: a call the control plane
/// answers it has already finished is hung up (<see cref="FinishedCallHangUp"/>).
/// </summary>
public sealed class ReportingCallHandler(ICallHandler inner, CallEventReporter reporter, bool callIdFromSipHeader = false, TimeProvider? time = null,
    TimeSpan? qualityReportInterval = null, LiveCallSessions? liveCalls = null) : ICallHandler
{
    /// <summary>
    /// How long to wait, once the handler returned, for the session to say how the call ended: the agent loop can
    /// see the caller's BYE (its audio stops) a moment before the session records it, and the reason must not
    /// then be taken for the agent hanging up.
    /// </summary>
    public static readonly TimeSpan EndReasonGrace = TimeSpan.FromSeconds(2);

    /// <summary>Wraps <paramref name="inner"/> with the reporter and settings registered by AddControlPlaneReporting.</summary>
    public static ReportingCallHandler For(ICallHandler inner, IServiceProvider services) =>
        new(inner, services.GetRequiredService<CallEventReporter>(), services.GetRequiredService<ControlPlaneOptions>().CallIdFromSipHeader,
            services.GetRequiredService<TimeProvider>(), services.GetRequiredService<ControlPlaneOptions>().QualityReportInterval,
            services.GetService<LiveCallSessions>());

    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var liveKitCall = false;
        if (callIdFromSipHeader && call.Call.SipHeaders.TryGetValue(AgentCallHeaders.CallId, out var controlPlaneCallId)
            && AgentCallHeaders.IsValidCallId(controlPlaneCallId))
        {
            reporter.UseCallId(call.Call.CallId, controlPlaneCallId);
            liveKitCall = true;
        }
        var reporting = new ReportingIncomingCall(call, reporter, time ?? TimeProvider.System, qualityReportInterval ?? TimeSpan.Zero, liveKitCall, liveCalls);
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
                // Over here: the reports still to come (final quality, hangup) are legitimately late for the control plane.
                liveCalls?.Remove(reporter.ControlPlaneCallId(call.Call.CallId), session);
                var ended = await EndedAsync(session).ConfigureAwait(false);
                // The end-of-call quality is queued before the hangup, so the record has it when the call is finalized.
                reporting.Quality?.ReportFinal();
                var reason = ended?.Reason ?? CallEndReason.AgentHangUp;
                // After a transfer request the agent's leaving is the transfer's (the caller's own hang-up stays the caller's).
                reason = reason == CallEndReason.AgentHangUp && session is ControlPlaneTransferSession { TransferRequested: true } ? CallEndReason.Transferred : reason;
                // Direct mode: a REFER the far end completed says where the caller went (the record's transfer target).
                var transferredTo = reason == CallEndReason.Transferred && session is ReferredTransferSession referred ? referred.TransferredTo : null;
                reporter.HungUp(call.Call.CallId, reason, transferredTo);
            }
            reporter.Forget(call.Call.CallId);
        }
    }

    private async Task<CallEnded?> EndedAsync(ICallSession session)
    {
        try
        {
            return await session.Ended.WaitAsync(EndReasonGrace, time ?? TimeProvider.System).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null; // still up after the handler returned: the agent is the one ending it
        }
    }

    private sealed class ReportingIncomingCall(IIncomingCall inner, CallEventReporter reporter, TimeProvider time, TimeSpan qualityInterval, bool liveKitCall,
        LiveCallSessions? liveCalls) : IIncomingCall, IAgentProfileRecorder
    {
        private string? _agentProfile;

        public ICallSession? Session { get; private set; }

        public CallQualityMonitor? Quality { get; private set; }

        public void AgentProfileChosen(string profileId) => _agentProfile = profileId;

        public InboundCall Call => inner.Call;

        public async Task<ICallSession> AnswerAsync(CancellationToken cancellationToken)
        {
            var session = await inner.AnswerAsync(cancellationToken).ConfigureAwait(false);
            // A LiveKit call's transfer is the control plane's to do, on the caller's participant; a direct call's is our REFER.
            session = liveKitCall ? new ControlPlaneTransferSession(session, reporter) : new ReferredTransferSession(session);
            Session = session;
            // Live before the answer is reported: the control plane's answer to it may be that the call is already over.
            liveCalls?.Add(reporter.ControlPlaneCallId(inner.Call.CallId), session);
            reporter.Answered(inner.Call.CallId, inner.Call.Caller, inner.Call.Called, _agentProfile, AnsweredBy(inner.Call));
            Quality = new CallQualityMonitor(session, inner.Call.CallId, reporter, time, qualityInterval);
            return session;
        }

        public Task RejectAsync(int sipStatus, string reason, CancellationToken cancellationToken) => inner.RejectAsync(sipStatus, reason, cancellationToken);

        // The answering-machine verdict of a call we placed (set by this host after detection, never taken from an INVITE).
        private static string? AnsweredBy(InboundCall call) =>
            call.SipHeaders.TryGetValue(Outbound.OutboundCallHeaders.AnsweredBy, out var by) && by is "human" or "machine" ? by : null;
    }
}
