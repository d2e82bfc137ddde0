namespace VoiceFunctions.Shared.Telephony.Deployment.Sync;

/// <summary>One field that differs. Secret fields (credentials, pins) show no values, only that they change.</summary>
public sealed record FieldChange(string Field, string Current, string Desired, bool IsSecret)
{
    public string Describe() => IsSecret ? "(changed)" : $"{Current} → {Desired}";
}
