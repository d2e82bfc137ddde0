using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Functions.Telemetry;
using VoiceFunctions.Functions.Webhooks;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// Direct mode: makes sure a call the MediaHost answered has its record and its call orchestration as soon as the dial
/// says it was answered, rather than only when the MediaHost's "answered" event arrives. The MediaHost gives up on an
/// event after a few seconds of retries; if the control plane was restarting or overloaded that long, the call had no
/// orchestration, nothing ever finalized it and a campaign's attempt held its place until MaxCallMinutes. Now the call
/// orchestration runs from the answer, and when no event ever comes it presumes the call lost after the direct-mode
/// silence timeout and finalizes it. Idempotent: the record is created once (the MediaHost's own event, before or after,
/// finds it), the orchestration started once (a start that loses the race raises nothing).
/// In LiveKit mode it does nothing: the room's webhooks start the call, and LiveKit redelivers them.
/// </summary>
public sealed class AnsweredCallStarter(CallStore store, CallEventDispatcher dispatcher, IOptions<OutboundOptions> options, ControlPlaneMetrics? metrics = null)
{
    /// <returns>True when this call started the call's orchestration (false: it already ran, or not direct mode).</returns>
    public async Task<bool> StartAsync(AnsweredCallInput input, DurableTaskClient client, CancellationToken ct)
    {
        if (options.Value.Mode != OutboundMode.Direct)
        {
            return false;
        }
        var call = input.Call;
        var created = await store.CreateAsync(new CallRecord
        {
            CallId = call.CallId,
            RoomName = call.CallId,
            Direction = CallDirection.Outbound,
            StartedAt = input.AnsweredAt,
            CallerNumber = call.From,
            CalledNumber = call.To,
        }, ct).ConfigureAwait(false);
        if (created)
        {
            metrics?.CallStarted(CallDirection.Outbound);
        }
        var caller = new CallerInfo(call.From ?? "caller", call.From, call.To, TrunkId: null);
        var delivery = await dispatcher.DeliverAsync(new CallRoute(call.CallId, call.CallId, input.AnsweredAt, StartIfMissing: true, caller, null, Direct: true), client, ct)
            .ConfigureAwait(false);
        return delivery == CallDelivery.Started;
    }
}
