using VoiceFunctions.MediaHost.Calls;
using VoiceFunctions.MediaHost.ControlPlane;
using VoiceFunctions.MediaHost.Outbound.Amd;
using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.MediaHost.Outbound;

/// <summary>
/// LiveKit mode: answering-machine detection on the agent's leg of a call we placed. The leg arrives as an inbound call
/// (LiveKit SIP dials us once the callee answered) whose signed <see cref="Shared.Outbound.OutboundCallContext"/> asks
/// for detection: this answers it, runs the detector on the first audio (the callee's, through the room), and hands the
/// answered call on with its verdict (<see cref="OutboundCallHeaders.AnsweredBy"/>, reported with the answer, so the
/// call's record has it), as direct mode does after its own dial. A machine is hung up on (HangUp), or the agent waits
/// for its beep to leave a message (LeaveMessage). Every other call passes through untouched. A machine about to be hung
/// up on is reported answered by a machine first (<see cref="CallEventReporter.MachineDetected"/>): the BYE makes LiveKit
/// end the room, and the control plane must not finalize the call as never answered before it heard the verdict.
/// </summary>
public sealed class LiveKitAmdCallHandler(ICallHandler inner, AmdOptions thresholds, ControlPlaneOptions? keys, ILogger<LiveKitAmdCallHandler> logger, TimeProvider time,
    CallEventReporter? reporter = null) : ICallHandler
{
    public async Task HandleAsync(IIncomingCall call, CancellationToken cancellationToken)
    {
        var context = SignedOutboundContext.Read(call.Call.SipHeaders, keys, time.GetUtcNow());
        if (context is null || !Enum.TryParse<AmdAction>(context.Amd, out var action) || action == AmdAction.Off)
        {
            await inner.HandleAsync(call, cancellationToken).ConfigureAwait(false);
            return;
        }
        var callId = call.Call.SipHeaders.TryGetValue(AgentCallHeaders.CallId, out var id) ? id : call.Call.CallId;
        var session = await call.AnswerAsync(cancellationToken).ConfigureAwait(false);
        var verdict = await CallAmd.DetectAsync(session, thresholds, cancellationToken).ConfigureAwait(false);
        var answeredBy = verdict?.AnsweredBy ?? AnsweredBy.Unknown;
        if (verdict is { } v)
        {
            OutboundLog.AmdDecided(logger, callId, v.AnsweredBy, v.AfterMs, v.Why);
            if (v.AnsweredBy == AnsweredBy.Machine && action == AmdAction.HangUp)
            {
                ReportMachine(call.Call, callId);
                await session.HangUpAsync(CallEndReason.AgentHangUp, cancellationToken).ConfigureAwait(false);
            }
            else if (v.AnsweredBy == AnsweredBy.Machine && !v.BeepHeard)
            {
                await CallAmd.WaitForBeepAsync(session, thresholds, cancellationToken).ConfigureAwait(false);
            }
        }
        // Handed on even when hung up: the reporting around the agent reports the answer with its verdict, then the end.
        var headers = new Dictionary<string, string>(call.Call.SipHeaders, StringComparer.OrdinalIgnoreCase)
        {
            [OutboundCallHeaders.AnsweredBy] = answeredBy.ToString().ToLowerInvariant(),
        };
        await inner.HandleAsync(new AnsweredOutboundCall(session, call.Call with { SipHeaders = headers }), cancellationToken).ConfigureAwait(false);
    }

    private void ReportMachine(InboundCall call, string callId)
    {
        if (reporter is null)
        {
            return;
        }
        if (keys is { CallIdFromSipHeader: true } && AgentCallHeaders.IsValidCallId(callId))
        {
            reporter.UseCallId(call.CallId, callId); // as the reporting around the agent does (it forgets the mapping at the end)
        }
        reporter.MachineDetected(call.CallId, call.Caller, call.Called);
    }

    /// <summary>The handler this one hands every call on to.</summary>
    internal ICallHandler Inner => inner;

    /// <summary>Wraps the host's call handler (outside its reporting, so the answer is reported with the verdict).</summary>
    public static ICallHandler Wrap(ICallHandler inner, IServiceProvider services) =>
        new LiveKitAmdCallHandler(inner, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OutboundDialOptions>>().Value.Amd,
            services.GetService<ControlPlaneOptions>(), services.GetRequiredService<ILogger<LiveKitAmdCallHandler>>(), services.GetRequiredService<TimeProvider>(),
            services.GetService<CallEventReporter>());
}
