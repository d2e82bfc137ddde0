using VoiceFunctions.Functions.Orchestrations;

namespace VoiceFunctions.Functions.Activities;

/// <summary>The orchestration's first step: the events delivered before it ran (see <see cref="EarlyEventStore"/>).</summary>
public sealed class TakeEarlyEventsActivity(EarlyEventStore early) : CallActivity<string, IReadOnlyList<CallEvent>>
{
    public override Task<IReadOnlyList<CallEvent>> ExecuteAsync(string callId, CancellationToken ct) => early.TakeAsync(callId, ct);
}
