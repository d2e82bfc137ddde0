using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Calls;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>
/// Sends the post-call report of a finalized call when a URL is configured; each attempt, delivered or not, is on the
/// call's timeline. Throws on failure so the orchestration's durable retry policy tries again.
/// </summary>
public sealed class DeliverPostCallReportActivity(CallStore store, TimeProvider time, PostCallReportSender? sender = null, CallTimelineRecorder? timeline = null) : CallActivity<string, bool>
{
    public override async Task<bool> ExecuteAsync(string input, CancellationToken ct)
    {
        if (sender is not { Enabled: true })
        {
            return false;
        }
        var details = await store.GetDetailsAsync(input, ct).ConfigureAwait(false);
        if (details is null)
        {
            return false; // nothing recorded, nothing to report
        }
        // One timeline entry per attempt (an entry id is written once).
        var step = "report-" + time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var status = await sender.SendAsync(PostCallReportBuilder.From(details), ct).ConfigureAwait(false);
            await timeline.StepIfRecordingAsync(input, step, "post-call report", $"delivered (HTTP {status})", ct).ConfigureAwait(false);
            return true;
        }
        catch (PostCallDeliveryException e)
        {
            await timeline.StepIfRecordingAsync(input, step, "post-call report", "not delivered, will retry: " + e.Message, ct).ConfigureAwait(false);
            throw;
        }
    }
}
