using VoiceFunctions.Functions.Activities;
using VoiceFunctions.Functions.Timeline;
using VoiceFunctions.Shared.Outbound;

namespace VoiceFunctions.Functions.Outbound;

/// <summary>Dials the callee (LiveKit or the MediaHost, by configuration) and notes the outcome on the call's timeline.</summary>
public sealed class DialCalleeActivity(IOutboundDialer dialer, CallTimelineRecorder? timeline = null) : CallActivity<OutboundCallStart, DialResult>
{
    public override async Task<DialResult> ExecuteAsync(OutboundCallStart input, CancellationToken ct)
    {
        var result = await dialer.DialAsync(input, ct).ConfigureAwait(false);
        await timeline.StepIfRecordingAsync(input.CallId, "dial", "dial", $"{result.Outcome}: {result.Reason}", ct).ConfigureAwait(false);
        return result;
    }
}
