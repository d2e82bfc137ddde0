namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>The changes that make LiveKit hold the desired state, in the order they are applied:
/// trunks created or updated first, then rules (which refer to trunks), then deletions, rules before trunks.</summary>
public sealed class SipPlan(IReadOnlyList<SipChange> changes)
{
    public IReadOnlyList<SipChange> Changes { get; } = changes;

    public bool IsEmpty => Changes.Count == 0;

    public int Count(SipChangeAction action) => Changes.Count(c => c.Action == action);

    public string Summary => IsEmpty
        ? "No changes: LiveKit already matches the file."
        : $"Plan: {Count(SipChangeAction.Create)} to create, {Count(SipChangeAction.Update)} to update, {Count(SipChangeAction.Delete)} to delete.";
}
