namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>What happened to one change of a plan during apply.</summary>
public sealed record ApplyStep(SipChange Change, ApplyStepOutcome Outcome, string? RemoteId = null, string? Error = null);

public enum ApplyStepOutcome
{
    Applied,
    Failed,
    NotAttempted,
}
