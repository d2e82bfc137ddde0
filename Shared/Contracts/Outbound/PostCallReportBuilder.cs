using VoiceFunctions.Shared.Calls;

namespace VoiceFunctions.Shared.Outbound;

/// <summary>Makes the post-call report from a stored call.</summary>
public static class PostCallReportBuilder
{
    public static PostCallReport From(CallDetails details)
    {
        var r = details.Record;
        return new PostCallReport
        {
            DeliveryId = "report-" + r.CallId,
            CallId = r.CallId,
            Direction = r.Direction,
            Outcome = r.Outcome,
            EndReason = r.EndReason,
            ReasonText = r.ReasonText,
            CallerNumber = r.CallerNumber,
            CalledNumber = r.CalledNumber,
            StartedAt = r.StartedAt,
            AnsweredAt = r.AnsweredAt,
            EndedAt = r.EndedAt,
            DurationSeconds = r.Duration?.TotalSeconds,
            Summary = r.Summary,
            RecordingLocation = r.Recording?.Location,
            Latency = r.Latency,
            Transcript = [.. details.Turns.OrderBy(t => t.Sequence).Select(t => new PostCallTurn(t.Sequence, t.CallerText, t.AgentText, t.ResponseLatencyMs, t.Interrupted))],
        };
    }
}
