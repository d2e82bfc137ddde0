namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>The result of applying a plan: every change, in order, applied, failed (at most one) or not attempted.</summary>
public sealed class ApplyReport(IReadOnlyList<ApplyStep> steps)
{
    public IReadOnlyList<ApplyStep> Steps { get; } = steps;

    public bool Succeeded => Steps.All(s => s.Outcome == ApplyStepOutcome.Applied);

    public ApplyStep? Failure => Steps.FirstOrDefault(s => s.Outcome == ApplyStepOutcome.Failed);

    public IEnumerable<ApplyStep> Applied => Steps.Where(s => s.Outcome == ApplyStepOutcome.Applied);

    public IEnumerable<ApplyStep> NotAttempted => Steps.Where(s => s.Outcome == ApplyStepOutcome.NotAttempted);
}
