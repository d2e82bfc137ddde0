namespace VoiceFunctions.Shared.Observability;

/// <summary>
/// What the log redaction masks. Secrets are always masked; personal data is masked unless explicitly allowed.
/// Bound from configuration section <see cref="SectionName"/> ("Logging:Redaction").
/// </summary>
public sealed class RedactionOptions
{
    public const string SectionName = "Logging:Redaction";

    /// <summary>Opt-in: log phone numbers (E.164, SIP/tel URI users) in clear. Default false, because call logs
    /// leave the system (Application Insights, support tickets) and a caller's number is personal data.</summary>
    public bool IncludePhoneNumbers { get; set; }

    /// <summary>Shortest configured secret value masked by exact match. Default 6: shorter values (ports, flags)
    /// would mask ordinary text.</summary>
    public int MinimumKnownSecretLength { get; set; } = 6;
}
