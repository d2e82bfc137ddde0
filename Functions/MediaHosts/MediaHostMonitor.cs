using Microsoft.DurableTask;
using VoiceFunctions.Functions.Orchestrations;
using VoiceFunctions.Shared.MediaHosts;

namespace VoiceFunctions.Functions.MediaHosts;

/// <summary>
/// One durable monitor per MediaHost (instance <see cref="InstanceId"/>), fed by its heartbeats. When no heartbeat
/// arrives for the host's <see cref="MediaHostHeartbeat.LostAfter"/>, the host is presumed lost: each call of its last
/// heartbeat gets a MediaHostLost event (its orchestration finishes it as lost at once, instead of after the direct-mode
/// silence timeout) and the calls the control plane never heard of get a record (<see cref="RecordLostCallsActivity"/>).
/// A heartbeat with a new start time means the host restarted: the calls it no longer lists died with it.
/// The cost is per host, not per call: each heartbeat is one raised event and one episode (plus its cancelled timer's).
/// Deterministic: time comes only from the context.
/// </summary>
public sealed class MediaHostMonitor : TaskOrchestrator<MediaHostWatch, string>
{
    public const string HeartbeatEvent = "Heartbeat";

    /// <summary>Heartbeats handled before the history is restarted (ContinueAsNew) so replays stay short.</summary>
    public const int BeatsPerExecution = 60;

    public static string InstanceId(string hostId) => "mediahost-" + hostId;

    public override async Task<string> RunAsync(TaskOrchestrationContext context, MediaHostWatch watch)
    {
        var last = watch.Last;
        for (var beats = 0; beats < BeatsPerExecution; beats++)
        {
            using var timerCancel = new CancellationTokenSource();
            var next = context.WaitForExternalEvent<MediaHostHeartbeat>(HeartbeatEvent);
            var timer = context.CreateTimer(context.CurrentUtcDateTime + last.LostAfter, timerCancel.Token);
            if (await Task.WhenAny(next, timer) == timer)
            {
                await CloseAsync(context, last, last.Calls, $"the MediaHost {last.HostId} sent no heartbeat for {last.LostAfter.TotalSeconds:0} s; it is presumed lost");
                return "lost";
            }
            timerCancel.Cancel();
            var beat = next.Result;
            if (beat.StartedAt != last.StartedAt)
            {
                var listed = beat.Calls.Select(c => c.CallId).ToHashSet(StringComparer.Ordinal);
                await CloseAsync(context, last, last.Calls.Where(c => !listed.Contains(c.CallId)).ToList(), $"the MediaHost {last.HostId} restarted; the call did not survive it");
            }
            if (beat.Leaving)
            {
                await CloseAsync(context, beat, beat.Calls, $"the MediaHost {beat.HostId} shut down with the call still listed");
                return "left";
            }
            last = beat.SentAt >= last.SentAt || beat.StartedAt != last.StartedAt ? beat : last; // a late, older heartbeat changes nothing
        }
        context.ContinueAsNew(new MediaHostWatch(last), preserveUnprocessedEvents: true);
        return "continued";
    }

    private static async Task CloseAsync(TaskOrchestrationContext context, MediaHostHeartbeat host, IReadOnlyList<MediaHostCall> calls, string why)
    {
        if (calls.Count == 0)
        {
            return;
        }
        await context.CallActivityAsync<int>(RecordLostCallsActivity.Name, new LostCalls(host.HostId, calls, why));
        foreach (var call in calls)
        {
            context.SendEvent(call.CallId, CallEvent.EventName,
                new CallEvent(CallEventKind.MediaHostLost, context.CurrentUtcDateTime) { SourceEventId = $"lost-{host.HostId}-{call.CallId}", Detail = why });
        }
    }
}
