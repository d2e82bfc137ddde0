namespace VoiceFunctions.Shared.Campaigns;

/// <summary>The retry rule of each retryable outcome; answered and rejected numbers are never tried again.</summary>
public sealed record RetryRules
{
    public RetryRule? Busy { get; init; }
    public RetryRule? NoAnswer { get; init; }
    public RetryRule? Machine { get; init; }
    public RetryRule? Failed { get; init; }
}
