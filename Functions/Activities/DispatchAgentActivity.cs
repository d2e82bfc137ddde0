using Microsoft.Extensions.Logging;
using VoiceFunctions.Functions.Timeline;

namespace VoiceFunctions.Functions.Activities;

/// <summary>Dispatches the agent into the call's room. Returns the agent's participant identity.</summary>
public sealed class DispatchAgentActivity(IAgentDispatcher dispatcher, ILogger<DispatchAgentActivity> logger, CallTimelineRecorder? timeline = null) : CallActivity<DispatchAgentInput, string>
{
    public override async Task<string> ExecuteAsync(DispatchAgentInput input, CancellationToken ct)
    {
        ActivityLog.Dispatching(logger, input.CallId, input.Attempt);
        var step = "dispatch-" + input.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await timeline.StepIfRecordingAsync(input.CallId, step, input.Attempt == 1 ? "dispatch" : "re-dispatch", $"attempt {input.Attempt}", ct).ConfigureAwait(false);
        try
        {
            return await dispatcher.DispatchAsync(input.CallId, input.RoomName, input.Attempt, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The first failure of this attempt is kept (the activity's own retries repeat the same id).
            await timeline.StepIfRecordingAsync(input.CallId, step + "-failed", "dispatch failed", $"attempt {input.Attempt}: {e.Message}", ct).ConfigureAwait(false);
            throw;
        }
    }
}
