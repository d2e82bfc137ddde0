using VoiceFunctions.Shared.Telephony.Deployment.Sync;

namespace VoiceFunctions.Cli.Output.Results;

/// <summary>One step of an apply: the change, its outcome (applied|failed|not-attempted), the remote id and the error.</summary>
public sealed record ApplyStepResult(string Action, string Kind, string Name, string Outcome, string? RemoteId, string? Error)
{
    public static ApplyStepResult From(ApplyStep step) => new(step.Change.ActionText, step.Change.KindText, step.Change.Name,
        step.Outcome switch
        {
            ApplyStepOutcome.Applied => "applied",
            ApplyStepOutcome.Failed => "failed",
            _ => "not-attempted",
        },
        step.RemoteId ?? step.Change.RemoteId, step.Error);
}
